package pl.krakow.agora.panel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;

import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.recommendation.Proposal;
import pl.krakow.agora.recommendation.RecommendationCatalog;

/**
 * The members' final votes on draft recommendations (issue 6, item 9). A facilitator or organiser
 * puts a draft's latest version to the vote (it can no longer change); each member votes once
 * (yes, no or abstain; the register's primary key enforces it) by secret ballot: the register says
 * who voted, the ballot only what, with the hash of the voter's receipt. Closing the vote applies
 * {@link AdoptionRule}; results are public; an adopted recommendation can be sent to the
 * recommendation catalogue, where it starts as PROPOSED.
 */
@Service
public class PanelVotes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PanelWorkspace workspace;
    private final RecommendationCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final Clock clock;

    PanelVotes(JdbcClient jdbc, PanelWorkspace workspace, RecommendationCatalog catalog, CurrentUser currentUser,
            AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Opens the vote on a draft; its latest version is what members vote on. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void openVote(long draftId) {
        long panelId = workspace.panelOfDraft(draftId);
        workspace.require(panelId, WorkspaceRole.FACILITATOR, WorkspaceRole.ORGANISER);
        int updated = jdbc.sql("UPDATE panel_draft SET status = 'VOTING', vote_opened_at = :now, version = version + 1"
                        + " WHERE id = :d AND status = 'DRAFT'")
                .param("now", Timestamp.from(clock.instant())).param("d", draftId).update();
        if (updated == 0) {
            throw new AgoraException("panel.vote.error.not-draft");
        }
        auditLog.record("panel.vote-open", "panel-draft/" + draftId, "panel " + panelId);
    }

    /** A member's vote; returns the receipt (shown once) whose hash is stored with the ballot. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String cast(long draftId, VoteChoice choice) {
        long panelId = workspace.panelOfDraft(draftId);
        workspace.require(panelId, WorkspaceRole.MEMBER);
        if (choice == null) {
            throw new AgoraException("panel.vote.error.choice");
        }
        String status = jdbc.sql("SELECT status FROM panel_draft WHERE id = :d FOR UPDATE").param("d", draftId)
                .query(String.class).single();
        if (!status.equals("VOTING")) {
            throw new AgoraException("panel.vote.error.not-open");
        }
        String username = currentUser.get().orElseThrow().username();
        try {
            jdbc.sql("INSERT INTO panel_vote_register (draft_id, username, voted_at) VALUES (:d, :u, :now)")
                    .param("d", draftId).param("u", username).param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException already) {
            throw new AgoraException("panel.vote.error.already");
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String receipt = HexFormat.of().formatHex(bytes);
        jdbc.sql("INSERT INTO panel_ballot (draft_id, choice, receipt_hash) VALUES (:d, :c, :h)")
                .param("d", draftId).param("c", choice.name()).param("h", Panels.sha256(receipt)).update();
        return receipt;
    }

    /** Closes the vote and decides the draft by the panel's threshold and quorum. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Workspace.Tally closeVote(long draftId) {
        long panelId = workspace.panelOfDraft(draftId);
        workspace.require(panelId, WorkspaceRole.FACILITATOR, WorkspaceRole.ORGANISER);
        String status = jdbc.sql("SELECT status FROM panel_draft WHERE id = :d FOR UPDATE").param("d", draftId)
                .query(String.class).single();
        if (!status.equals("VOTING")) {
            throw new AgoraException("panel.vote.error.not-open");
        }
        int[] counts = new int[3];
        jdbc.sql("SELECT choice, COUNT(*) FROM panel_ballot WHERE draft_id = :d GROUP BY choice").param("d", draftId)
                .query((rs, i) -> {
                    counts[VoteChoice.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                    return null;
                }).list();
        int[] rule = jdbc.sql("SELECT threshold_percent, quorum_percent FROM panel_panel WHERE id = :p")
                .param("p", panelId).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        Workspace.Tally tally = AdoptionRule.tally(counts[0], counts[1], counts[2], workspace.memberCount(panelId),
                rule[0], rule[1]);
        jdbc.sql("UPDATE panel_draft SET status = :s, vote_closed_at = :now, votes_yes = :y, votes_no = :n,"
                        + " votes_abstain = :a, version = version + 1 WHERE id = :d")
                .param("s", tally.adopted() ? "ADOPTED" : "REJECTED").param("now", Timestamp.from(clock.instant()))
                .param("y", counts[0]).param("n", counts[1]).param("a", counts[2]).param("d", draftId).update();
        auditLog.record("panel.vote-close", "panel-draft/" + draftId,
                (tally.adopted() ? "adopted " : "rejected ") + counts[0] + "/" + counts[1] + "/" + counts[2]);
        return tally;
    }

    /** A published result: a decided draft's final text and votes. */
    public record Result(long draftId, String title, String body, String language, DraftStatus status,
            Workspace.Tally tally, String recommendationCode) {
    }

    /** The decided drafts of a panel with their votes: public. */
    @Transactional(readOnly = true)
    public List<Result> results(long panelId) {
        int members = workspace.memberCount(panelId);
        return jdbc.sql("SELECT d.id, v.title, v.body, v.language, d.status, d.votes_yes, d.votes_no, d.votes_abstain,"
                        + " p.threshold_percent, p.quorum_percent, COALESCE(d.recommendation_code, '')"
                        + " FROM panel_draft d JOIN panel_panel p ON p.id = d.panel_id"
                        + " JOIN panel_draft_version v ON v.draft_id = d.id AND v.number ="
                        + " (SELECT MAX(number) FROM panel_draft_version x WHERE x.draft_id = d.id)"
                        + " WHERE d.panel_id = :p AND d.status IN ('ADOPTED', 'REJECTED') ORDER BY d.id")
                .param("p", panelId)
                .query((rs, i) -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        DraftStatus.valueOf(rs.getString(5)), AdoptionRule.tally(rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), members, rs.getInt(9), rs.getInt(10)), rs.getString(11)))
                .list();
    }

    /**
     * Sends an adopted recommendation to the catalogue as a new proposal (status PROPOSED), through
     * the catalogue's own door ({@link RecommendationCatalog#propose}), in the same transaction.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public String sendToCatalogue(long draftId, UiLanguage language) {
        long panelId = workspace.panelOfDraft(draftId);
        Result adopted = results(panelId).stream().filter(r -> r.draftId() == draftId).findFirst()
                .filter(r -> r.status() == DraftStatus.ADOPTED)
                .orElseThrow(() -> new AgoraException("panel.catalogue.error.not-adopted"));
        if (!adopted.recommendationCode().isEmpty()) {
            throw new AgoraException("panel.catalogue.error.already", adopted.recommendationCode());
        }
        String code = catalog.propose(new Proposal(adopted.title(), adopted.body(), null),
                UiLanguage.fromTag(adopted.language()).orElse(language));
        int updated = jdbc.sql("UPDATE panel_draft SET recommendation_code = :c, version = version + 1"
                        + " WHERE id = :d AND recommendation_code IS NULL")
                .param("c", code).param("d", draftId).update();
        if (updated == 0) {
            throw new AgoraException("panel.catalogue.error.already", code);
        }
        auditLog.record("panel.to-catalogue", "panel-draft/" + draftId, code);
        return code;
    }

}
