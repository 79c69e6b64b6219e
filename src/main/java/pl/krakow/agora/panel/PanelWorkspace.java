package pl.krakow.agora.panel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.Translations;

/**
 * A panel's private workspace (issue 6, item 8): for the drawn members of a published panel, its
 * facilitators, the experts invited from the catalogue and the organisers. Membership is checked
 * here, on every call, not only in the view. Texts the workspace's people write go to translators
 * ({@code ContentSubmitted}) and are shown in the reader's language once translated.
 */
@Service
public class PanelWorkspace {

    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 10_000;
    static final int MIN_BODY = 20;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PanelWorkspace(JdbcClient jdbc, CurrentUser currentUser, Translations translations, AuditLog auditLog,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.translations = translations;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** The current user's role in the panel's workspace, if they may enter it. */
    @Transactional(readOnly = true)
    public Optional<WorkspaceRole> myRole(long panelId) {
        Optional<UserRef> user = currentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (isMember(panelId, user.get().username())) {
            return Optional.of(WorkspaceRole.MEMBER);
        }
        Optional<WorkspaceRole> staff = jdbc.sql("SELECT role FROM panel_staff WHERE panel_id = :p AND username = :u")
                .param("p", panelId).param("u", user.get().username()).query(String.class).optional()
                .map(WorkspaceRole::valueOf);
        if (staff.isPresent()) {
            return staff;
        }
        if (currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN)) {
            return Optional.of(WorkspaceRole.ORGANISER);
        }
        return Optional.empty();
    }

    /** Whether {@code username} holds a member's seat of the panel, which counts once the draw is published. */
    boolean isMember(long panelId, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM panel_seat s JOIN panel_volunteer v ON v.id = s.volunteer_id"
                        + " JOIN panel_panel p ON p.id = s.panel_id"
                        + " WHERE s.panel_id = :p AND s.kind = 'MEMBER' AND v.username = :u AND p.status = 'PUBLISHED'")
                .param("p", panelId).param("u", username).query(Integer.class).single() > 0;
    }

    WorkspaceRole require(long panelId, WorkspaceRole... allowed) {
        WorkspaceRole role = myRole(panelId).orElseThrow(() -> new AgoraException("panel.workspace.error.denied"));
        for (WorkspaceRole r : allowed) {
            if (r == role) {
                return role;
            }
        }
        throw new AgoraException("panel.workspace.error.denied");
    }

    int memberCount(long panelId) {
        return jdbc.sql("SELECT COUNT(*) FROM panel_seat WHERE panel_id = :p AND kind = 'MEMBER'")
                .param("p", panelId).query(Integer.class).single();
    }

    /** Everything of the workspace, in the reader's language where a translation is approved. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Workspace open(long panelId, UiLanguage reader) {
        WorkspaceRole role = require(panelId, WorkspaceRole.values());
        String username = currentUser.get().orElseThrow().username();
        record Head(String topic, int threshold, int quorum) {
        }
        Head head = jdbc.sql("SELECT topic, threshold_percent, quorum_percent FROM panel_panel WHERE id = :p")
                .param("p", panelId).query((rs, i) -> new Head(rs.getString(1), rs.getInt(2), rs.getInt(3))).single();
        List<PanelOverview.Meeting> meetings = jdbc.sql(
                        "SELECT starts_at, place FROM panel_meeting WHERE panel_id = :p ORDER BY starts_at")
                .param("p", panelId)
                .query((rs, i) -> new PanelOverview.Meeting(rs.getTimestamp(1).toInstant(), rs.getString(2))).list();
        List<Workspace.Staff> staff = jdbc.sql("SELECT s.username, COALESCE(e.name, s.username), s.role"
                        + " FROM panel_staff s LEFT JOIN panel_expert e ON e.username = s.username"
                        + " WHERE s.panel_id = :p ORDER BY s.role, s.username")
                .param("p", panelId)
                .query((rs, i) -> new Workspace.Staff(rs.getString(1), rs.getString(2),
                        WorkspaceRole.valueOf(rs.getString(3)))).list();

        Map<ContentRef, String> originals = new HashMap<>();
        record MaterialRow(long id, String title, String body, String author, Instant at) {
        }
        List<MaterialRow> materialRows = jdbc.sql("SELECT id, title, body, author, created_at FROM panel_material"
                        + " WHERE panel_id = :p ORDER BY created_at, id")
                .param("p", panelId)
                .query((rs, i) -> new MaterialRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        materialRows.forEach(m -> {
            originals.put(ref("material-title", m.id()), m.title());
            originals.put(ref("material-body", m.id()), m.body());
        });
        record VersionRow(long draftId, long id, int number, String title, String body, String author, Instant at) {
        }
        List<VersionRow> versionRows = jdbc.sql("SELECT v.draft_id, v.id, v.number, v.title, v.body, v.author,"
                        + " v.created_at FROM panel_draft_version v JOIN panel_draft d ON d.id = v.draft_id"
                        + " WHERE d.panel_id = :p ORDER BY v.draft_id, v.number")
                .param("p", panelId)
                .query((rs, i) -> new VersionRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
        versionRows.forEach(v -> {
            originals.put(ref("draft-title", v.id()), v.title());
            originals.put(ref("draft-body", v.id()), v.body());
        });
        Map<ContentRef, LocalizedText> shown = originals.isEmpty() ? Map.of()
                : translations.display(reader.tag(), originals);

        List<Workspace.Material> materials = materialRows.stream().map(m -> new Workspace.Material(m.id(),
                shown.get(ref("material-title", m.id())), shown.get(ref("material-body", m.id())), m.author(), m.at()))
                .toList();
        Map<Long, List<Workspace.Version>> versions = new LinkedHashMap<>();
        for (VersionRow v : versionRows) {
            versions.computeIfAbsent(v.draftId(), k -> new ArrayList<>()).add(new Workspace.Version(v.number(),
                    shown.get(ref("draft-title", v.id())), shown.get(ref("draft-body", v.id())), v.author(), v.at()));
        }
        int members = memberCount(panelId);
        List<Workspace.Draft> drafts = jdbc.sql("SELECT d.id, d.status, d.votes_yes, d.votes_no, d.votes_abstain,"
                        + " d.recommendation_code, (SELECT COUNT(*) FROM panel_vote_register r WHERE r.draft_id = d.id"
                        + " AND r.username = :u) FROM panel_draft d WHERE d.panel_id = :p ORDER BY d.id")
                .param("p", panelId).param("u", username)
                .query((rs, i) -> {
                    DraftStatus status = DraftStatus.valueOf(rs.getString(2));
                    Workspace.Tally tally = null;
                    if (status == DraftStatus.ADOPTED || status == DraftStatus.REJECTED) {
                        tally = AdoptionRule.tally(rs.getInt(3), rs.getInt(4), rs.getInt(5), members, head.threshold(),
                                head.quorum());
                    }
                    return new Workspace.Draft(rs.getLong(1), status, versions.getOrDefault(rs.getLong(1), List.of()),
                            tally, rs.getInt(7) > 0, rs.getString(6));
                }).list();
        return new Workspace(panelId, head.topic(), role, members, head.threshold(), head.quorum(), meetings, staff,
                materials, drafts);
    }

    static ContentRef ref(String type, long id) {
        return new ContentRef("panel", type, String.valueOf(id));
    }

    /** Facilitators, experts and organisers add learning materials. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long addMaterial(long panelId, String title, String body, UiLanguage language) {
        require(panelId, WorkspaceRole.FACILITATOR, WorkspaceRole.EXPERT, WorkspaceRole.ORGANISER);
        String t = checkTitle(title);
        String b = checkBody(body);
        UserRef user = currentUser.get().orElseThrow();
        jdbc.sql("INSERT INTO panel_material (panel_id, title, body, language, author, created_at)"
                        + " VALUES (:p, :t, :b, :l, :a, :now)")
                .param("p", panelId).param("t", t).param("b", b).param("l", language.tag())
                .param("a", user.displayName()).param("now", Timestamp.from(clock.instant())).update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        events.publishEvent(new ContentSubmitted(ref("material-title", id), t, user.id(), language.tag()));
        events.publishEvent(new ContentSubmitted(ref("material-body", id), b, user.id(), language.tag()));
        return id;
    }

    /** Members and facilitators write a new draft recommendation (its version 1). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long proposeDraft(long panelId, String title, String body, UiLanguage language) {
        require(panelId, WorkspaceRole.MEMBER, WorkspaceRole.FACILITATOR, WorkspaceRole.ORGANISER);
        String t = checkTitle(title);
        String b = checkBody(body);
        jdbc.sql("INSERT INTO panel_draft (panel_id, status, created_at) VALUES (:p, 'DRAFT', :now)")
                .param("p", panelId).param("now", Timestamp.from(clock.instant())).update();
        long draftId = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        addVersion(draftId, 1, t, b, language);
        return draftId;
    }

    /** A new version of a draft that is not yet put to the vote. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int reviseDraft(long draftId, String title, String body, UiLanguage language) {
        long panelId = panelOfDraft(draftId);
        require(panelId, WorkspaceRole.MEMBER, WorkspaceRole.FACILITATOR, WorkspaceRole.ORGANISER);
        String t = checkTitle(title);
        String b = checkBody(body);
        String status = jdbc.sql("SELECT status FROM panel_draft WHERE id = :d FOR UPDATE").param("d", draftId)
                .query(String.class).single();
        if (!status.equals("DRAFT")) {
            throw new AgoraException("panel.draft.error.frozen");
        }
        int next = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM panel_draft_version WHERE draft_id = :d")
                .param("d", draftId).query(Integer.class).single();
        addVersion(draftId, next, t, b, language);
        return next;
    }

    private void addVersion(long draftId, int number, String title, String body, UiLanguage language) {
        UserRef user = currentUser.get().orElseThrow();
        jdbc.sql("INSERT INTO panel_draft_version (draft_id, number, title, body, language, author, created_at)"
                        + " VALUES (:d, :n, :t, :b, :l, :a, :now)")
                .param("d", draftId).param("n", number).param("t", title).param("b", body).param("l", language.tag())
                .param("a", user.displayName()).param("now", Timestamp.from(clock.instant())).update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        events.publishEvent(new ContentSubmitted(ref("draft-title", id), title, user.id(), language.tag()));
        events.publishEvent(new ContentSubmitted(ref("draft-body", id), body, user.id(), language.tag()));
    }

    long panelOfDraft(long draftId) {
        return jdbc.sql("SELECT panel_id FROM panel_draft WHERE id = :d").param("d", draftId).query(Long.class)
                .optional().orElseThrow(() -> new AgoraException("panel.draft.error.not-found"));
    }

    private static String checkTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.length() < 5 || t.length() > MAX_TITLE) {
            throw new AgoraException("panel.workspace.error.title", 5, MAX_TITLE);
        }
        return t;
    }

    private static String checkBody(String body) {
        String b = body == null ? "" : body.strip();
        if (b.length() < MIN_BODY || b.length() > MAX_BODY) {
            throw new AgoraException("panel.workspace.error.body", MIN_BODY, MAX_BODY);
        }
        return b;
    }

    /** The expert catalogue. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Expert> experts() {
        return jdbc.sql("SELECT id, name, expertise, username FROM panel_expert ORDER BY name")
                .query((rs, i) -> new Expert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Adds an expert (with the username of their account) to the catalogue. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public long addExpert(String name, String expertise, String username) {
        String n = name == null ? "" : name.strip();
        String e = expertise == null ? "" : expertise.strip();
        String u = username == null ? "" : username.strip();
        if (n.isEmpty() || n.length() > 200 || e.isEmpty() || e.length() > 500 || u.isEmpty() || u.length() > 190) {
            throw new AgoraException("panel.expert.error.fields");
        }
        try {
            jdbc.sql("INSERT INTO panel_expert (name, expertise, username) VALUES (:n, :e, :u)")
                    .param("n", n).param("e", e).param("u", u).update();
        } catch (DuplicateKeyException dup) {
            throw new AgoraException("panel.expert.error.duplicate", u);
        }
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    }

    /** Invites an expert of the catalogue into the panel's workspace. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void inviteExpert(long panelId, long expertId) {
        String username = jdbc.sql("SELECT username FROM panel_expert WHERE id = :e").param("e", expertId)
                .query(String.class).optional().orElseThrow(() -> new AgoraException("panel.expert.error.not-found"));
        addStaff(panelId, username, WorkspaceRole.EXPERT);
    }

    /**
     * A drawn member who registered with a contact address only gets the workspace once an organiser
     * links their seat (by its anonymous id) to the account they have since created.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void linkMember(long panelId, String anonId, String username) {
        String a = anonId == null ? "" : anonId.strip().toUpperCase(java.util.Locale.ROOT);
        String u = username == null ? "" : username.strip();
        if (u.isEmpty() || u.length() > 190) {
            throw new AgoraException("panel.staff.error.username");
        }
        int updated;
        try {
            updated = jdbc.sql("UPDATE panel_volunteer v JOIN panel_seat s ON s.volunteer_id = v.id"
                            + " SET v.username = :u WHERE v.panel_id = :p AND v.anon_id = :a AND v.username IS NULL")
                    .param("u", u).param("p", panelId).param("a", a).update();
        } catch (DuplicateKeyException dup) {
            throw new AgoraException("panel.staff.error.duplicate", u);
        }
        if (updated == 0) {
            throw new AgoraException("panel.link.error.no-seat", a);
        }
        auditLog.record("panel.link-member", "panel/" + panelId, a + " -> " + u);
    }

    /** Makes the person with this username a facilitator of the panel. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void addFacilitator(long panelId, String username) {
        String u = username == null ? "" : username.strip();
        if (u.isEmpty() || u.length() > 190) {
            throw new AgoraException("panel.staff.error.username");
        }
        addStaff(panelId, u, WorkspaceRole.FACILITATOR);
    }

    private void addStaff(long panelId, String username, WorkspaceRole role) {
        if (jdbc.sql("SELECT COUNT(*) FROM panel_panel WHERE id = :p").param("p", panelId).query(Integer.class)
                .single() == 0) {
            throw new AgoraException("panel.error.not-found");
        }
        try {
            jdbc.sql("INSERT INTO panel_staff (panel_id, username, role) VALUES (:p, :u, :r)")
                    .param("p", panelId).param("u", username).param("r", role.name()).update();
        } catch (DuplicateKeyException dup) {
            throw new AgoraException("panel.staff.error.duplicate", username);
        }
        auditLog.record("panel.staff", "panel/" + panelId, role + " " + username);
    }
}
