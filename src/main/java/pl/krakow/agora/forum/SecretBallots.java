package pl.krakow.agora.forum;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.forum.LiveState.Motion;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.platform.AgoraException;

/**
 * The published ballots of a closed secret vote (issue 7, item 6; architecture.md, secret ballots):
 * every anonymous ballot by the SHA-256 hash of its receipt with its choice, and the receipt check — a
 * voter gives the receipt shown once when they voted, and learns whether a ballot with its hash is in
 * the count and with which choice. Public, like the results: a ballot names no member, and only the
 * voter knows the receipt behind a hash. Nothing is shown while the vote is open (a running tally
 * would be published before the close) nor for an open, roll-call vote (its per-member list is in the
 * results).
 */
@Service
public class SecretBallots {

    private static final Pattern RECEIPT = Pattern.compile("[0-9a-f]{32}");

    private final JdbcClient jdbc;

    SecretBallots(ForumAccess access) {
        this.jdbc = access.jdbc();
    }

    /** One published ballot: the hash of its receipt and its choice. */
    public record Ballot(String receiptHash, Choice choice) {
    }

    /** A closed secret vote with its result and every ballot, ordered by hash (not by casting time). */
    public record PublishedVote(long voteId, long sessionId, int sessionNumber, String bodyName, Motion motion,
            Majority majority, int membersCount, int yes, int no, int abstain, boolean quorumMet, boolean adopted,
            List<Ballot> ballots) {

        PublishedVote withBallots(List<Ballot> all) {
            return new PublishedVote(voteId, sessionId, sessionNumber, bodyName, motion, majority, membersCount, yes, no,
                    abstain, quorumMet, adopted, all);
        }
    }

    /**
     * The vote's published ballots.
     *
     * @throws AgoraException forum.error.no-vote for an unknown id, forum.error.ballots-still-open
     *                        while it is open, forum.error.ballots-not-secret for a roll-call vote
     */
    @Transactional(readOnly = true)
    public PublishedVote published(long voteId) {
        PublishedVote vote = closedSecretVote(voteId);
        List<Ballot> ballots = jdbc.sql("""
                SELECT receipt_hash, choice FROM forum_secret_ballot WHERE vote_id = :v ORDER BY receipt_hash, id""")
                .param("v", voteId)
                .query((rs, n) -> new Ballot(rs.getString(1), Choice.valueOf(rs.getString(2))))
                .list();
        return vote.withBallots(ballots);
    }

    /** The vote and its result without the ballots, once it is a closed secret vote; else the refusal. */
    private PublishedVote closedSecretVote(long voteId) {
        return jdbc.sql("""
                SELECT v.id, v.session_id, s.number, b.name, mo.id, mo.kind, mo.text, mo.language, mo.status,
                       mo.vote_order, v.majority, v.members_count, v.yes_count, v.no_count, v.abstain_count,
                       v.quorum_met, v.adopted, v.status, v.secret, mo.item_id, mo.author_id IS NULL
                FROM forum_vote v JOIN forum_session s ON s.id = v.session_id JOIN forum_body b ON b.id = s.body_id
                  JOIN forum_motion mo ON mo.id = v.motion_id
                WHERE v.id = :id""")
                .param("id", voteId)
                .query((rs, n) -> {
                    if (!"CLOSED".equals(rs.getString(18))) {
                        throw new AgoraException("forum.error.ballots-still-open");
                    }
                    if (!rs.getBoolean(19)) {
                        throw new AgoraException("forum.error.ballots-not-secret");
                    }
                    Motion motion = new Motion(rs.getLong(5), null, MotionKind.valueOf(rs.getString(6)),
                            rs.getString(7), rs.getString(8), null, MotionStatus.valueOf(rs.getString(9)), rs.getInt(10),
                            LiveSession.textRef(rs.getLong(5), MotionKind.valueOf(rs.getString(6)), rs.getLong(20),
                                    rs.getBoolean(21)));
                    return new PublishedVote(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), motion,
                            Majority.valueOf(rs.getString(11)), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                            rs.getInt(15), rs.getBoolean(16), rs.getBoolean(17), List.of());
                })
                .optional().orElseThrow(() -> new AgoraException("forum.error.no-vote"));
    }

    /**
     * The ballot whose hash is the receipt's hash ({@link LiveSession#sha256}), if it is in the vote's
     * count. Spaces and capitals in what the voter typed or pasted do not matter.
     *
     * @throws AgoraException forum.error.receipt-format when the text is no receipt (32 characters
     *                        0-9, a-f), or as {@link #published} when the vote has no published ballots
     */
    @Transactional(readOnly = true)
    public Optional<Ballot> check(long voteId, String receipt) {
        String clean = receipt == null ? "" : receipt.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (!RECEIPT.matcher(clean).matches()) {
            throw new AgoraException("forum.error.receipt-format");
        }
        closedSecretVote(voteId);
        String hash = LiveSession.sha256(clean);
        return jdbc.sql("SELECT receipt_hash, choice FROM forum_secret_ballot WHERE vote_id = :v AND receipt_hash = :h")
                .param("v", voteId).param("h", hash)
                .query((rs, n) -> new Ballot(rs.getString(1), Choice.valueOf(rs.getString(2))))
                .list().stream().findFirst();
    }
}
