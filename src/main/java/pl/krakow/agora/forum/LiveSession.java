package pl.krakow.agora.forum;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.forum.LiveState.Attendee;
import pl.krakow.agora.forum.LiveState.Motion;
import pl.krakow.agora.forum.LiveState.RollCall;
import pl.krakow.agora.forum.LiveState.Speaker;
import pl.krakow.agora.forum.LiveState.Viewer;
import pl.krakow.agora.forum.LiveState.Vote;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * A live session (issue 7, items 3-8). The database is the single truth: every action is one READ
 * COMMITTED transaction that first locks the session's row, then checks the state it finds, writes,
 * and raises the session's version. So two chairs' clicks, sixty members voting at once, or the
 * chair closing a vote while votes arrive are ordered by the database, on any number of nodes: a vote
 * that reaches the lock after the close sees the vote closed and is refused with a message; one that
 * got the lock before is counted, once (the register's primary key).
 *
 * <p>Chair actions need the body's chair or vice-chair; member actions need a current membership and,
 * during the session, a check-in. Reading the state is public (the gallery), with the viewer's own
 * part only for members.
 */
@Service
public class LiveSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ForumAccess access;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    LiveSession(ForumAccess access, AuditLog audit, ApplicationEventPublisher events) {
        this.access = access;
        this.jdbc = access.jdbc();
        this.audit = audit;
        this.events = events;
    }

    // ---- the chair -------------------------------------------------------------------------------

    /** The chair opens a session whose agenda was published. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void open(long sessionId) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        Member chair = access.chair(s.bodyId());
        if (s.status() != SessionStatus.PUBLISHED) {
            throw new AgoraException(s.status() == SessionStatus.PLANNED ? "forum.error.agenda-not-published"
                    : "forum.error.not-openable");
        }
        jdbc.sql("UPDATE forum_session SET status = 'OPEN', opened_at = :at WHERE id = :id")
                .param("at", ForumAccess.ts(access.now())).param("id", sessionId).update();
        access.changed(sessionId);
        audit.record("forum.session.opened", "forum-session:" + sessionId, chair.displayName());
    }

    /** The chair closes the session; a vote still open must be closed first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void close(long sessionId) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        access.chair(s.bodyId());
        requireOpen(s);
        if (openVoteId(sessionId).isPresent()) {
            throw new AgoraException("forum.error.vote-still-open");
        }
        Instant now = access.now();
        endFloorOf(s, now);
        jdbc.sql("UPDATE forum_agenda_item SET status = 'DONE' WHERE session_id = :s AND status = 'ACTIVE'")
                .param("s", sessionId).update();
        jdbc.sql("UPDATE forum_attendance SET left_at = :at WHERE session_id = :s AND left_at IS NULL")
                .param("at", ForumAccess.ts(now)).param("s", sessionId).update();
        jdbc.sql("UPDATE forum_session SET status = 'CLOSED', closed_at = :at, current_item_id = NULL WHERE id = :id")
                .param("at", ForumAccess.ts(now)).param("id", sessionId).update();
        access.changed(sessionId);
        audit.record("forum.session.closed", "forum-session:" + sessionId, "");
    }

    /**
     * The chair starts an agenda item: the previous one is done, the item's draft resolution (if
     * any) becomes the first thing to vote on.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void startItem(long itemId) {
        long sessionId = sessionOfItem(itemId);
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        access.chair(s.bodyId());
        requireOpen(s);
        if (openVoteId(sessionId).isPresent()) {
            throw new AgoraException("forum.error.vote-still-open");
        }
        String status = jdbc.sql("SELECT status FROM forum_agenda_item WHERE id = :id").param("id", itemId)
                .query(String.class).single();
        if (!status.equals("ACCEPTED") && !status.equals("DONE")) {
            throw new AgoraException("forum.error.item-not-on-agenda");
        }
        endFloorOf(s, access.now());
        jdbc.sql("UPDATE forum_agenda_item SET status = 'DONE' WHERE session_id = :s AND status = 'ACTIVE'")
                .param("s", sessionId).update();
        jdbc.sql("UPDATE forum_agenda_item SET status = 'ACTIVE' WHERE id = :id").param("id", itemId).update();
        jdbc.sql("UPDATE forum_session SET current_item_id = :item WHERE id = :id")
                .param("item", itemId).param("id", sessionId).update();
        var item = jdbc.sql("SELECT draft_text, language FROM forum_agenda_item WHERE id = :id").param("id", itemId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        boolean hasResolution = jdbc.sql("SELECT COUNT(*) FROM forum_motion WHERE item_id = :i AND kind = 'RESOLUTION'")
                .param("i", itemId).query(Integer.class).single() > 0;
        if (!item[0].isBlank() && !hasResolution) {
            insertMotion(itemId, null, MotionKind.RESOLUTION, item[0], null, item[1]);
        }
        access.changed(sessionId);
        audit.record("forum.item.started", "forum-item:" + itemId, "");
    }

    /** The chair gives the floor to a waiting request (ending the current speaker's turn). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void giveFloor(long requestId) {
        long itemId = jdbc.sql("SELECT item_id FROM forum_speech WHERE id = :id").param("id", requestId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-request"));
        ForumAccess.SessionRow s = access.lockSession(sessionOfItem(itemId));
        access.chair(s.bodyId());
        requireOpen(s);
        if (s.currentItemId() == null || s.currentItemId() != itemId) {
            throw new AgoraException("forum.error.not-current-item");
        }
        Instant now = access.now();
        endFloorOf(s, now);
        int rows = jdbc.sql("""
                UPDATE forum_speech SET status = 'SPEAKING', floor_started_at = :at
                WHERE id = :id AND status = 'WAITING'""")
                .param("at", ForumAccess.ts(now)).param("id", requestId).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.request-not-waiting");
        }
        access.changed(s.id());
    }

    /** The chair gives the floor to the first in the queue (priority requests first). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void giveFloorToNext(long sessionId) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        access.chair(s.bodyId());
        requireOpen(s);
        if (s.currentItemId() == null) {
            throw new AgoraException("forum.error.no-current-item");
        }
        List<Speaker> queue = queue(s.currentItemId());
        if (queue.isEmpty()) {
            throw new AgoraException("forum.error.queue-empty");
        }
        Instant now = access.now();
        endFloorOf(s, now);
        jdbc.sql("UPDATE forum_speech SET status = 'SPEAKING', floor_started_at = :at WHERE id = :id")
                .param("at", ForumAccess.ts(now)).param("id", queue.getFirst().id()).update();
        access.changed(sessionId);
    }

    /** The chair ends the current speaker's turn. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void endFloor(long sessionId) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        access.chair(s.bodyId());
        requireOpen(s);
        if (!endFloorOf(s, access.now())) {
            throw new AgoraException("forum.error.nobody-speaking");
        }
        access.changed(sessionId);
    }

    /** The chair lets an ad vocem or point of order jump the queue, or declines it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void decideRequest(long requestId, boolean letJump) {
        var row = jdbc.sql("SELECT item_id, kind FROM forum_speech WHERE id = :id").param("id", requestId)
                .query((rs, n) -> new Object[] {rs.getLong(1), SpeechKind.valueOf(rs.getString(2))}).optional()
                .orElseThrow(() -> new AgoraException("forum.error.no-request"));
        ForumAccess.SessionRow s = access.lockSession(sessionOfItem((long) row[0]));
        access.chair(s.bodyId());
        requireOpen(s);
        if (row[1] == SpeechKind.SPEECH) {
            throw new AgoraException("forum.error.not-priority-kind");
        }
        int rows = letJump
                ? jdbc.sql("UPDATE forum_speech SET priority_at = :at WHERE id = :id AND status = 'WAITING'")
                        .param("at", ForumAccess.ts(access.now())).param("id", requestId).update()
                : jdbc.sql("UPDATE forum_speech SET status = 'DECLINED' WHERE id = :id AND status = 'WAITING'")
                        .param("id", requestId).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.request-not-waiting");
        }
        access.changed(s.id());
    }

    /** The chair moves a pending motion one place earlier (up) or later in the voting order. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void moveMotion(long motionId, boolean earlier) {
        long itemId = itemOfMotion(motionId);
        ForumAccess.SessionRow s = access.lockSession(sessionOfItem(itemId));
        access.chair(s.bodyId());
        List<Motion> pending = motions(itemId).stream().filter(m -> m.status() == MotionStatus.PENDING).toList();
        int index = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).id() == motionId) {
                index = i;
            }
        }
        if (index < 0) {
            throw new AgoraException("forum.error.motion-not-pending");
        }
        int other = earlier ? index - 1 : index + 1;
        if (other < 0 || other >= pending.size()) {
            return;
        }
        Motion a = pending.get(index);
        Motion b = pending.get(other);
        jdbc.sql("UPDATE forum_motion SET vote_order = :o WHERE id = :id").param("o", b.order()).param("id", a.id()).update();
        jdbc.sql("UPDATE forum_motion SET vote_order = :o WHERE id = :id").param("o", a.order()).param("id", b.id()).update();
        access.changed(s.id());
    }

    /**
     * The chair puts the next pending motion of the current item to the vote, in the order the chair
     * set. The rules are frozen now: secret or open, the majority, whether a vote may be changed,
     * and the number of members. A quorum must be present.
     *
     * @param secret   null for the statute's default
     * @param majority null for the statute's default majority
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long openVote(long sessionId, @Nullable Boolean secret, @Nullable Majority majority) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        access.chair(s.bodyId());
        requireOpen(s);
        if (s.currentItemId() == null) {
            throw new AgoraException("forum.error.no-current-item");
        }
        if (openVoteId(sessionId).isPresent()) {
            throw new AgoraException("forum.error.vote-still-open");
        }
        Motion next = motions(s.currentItemId()).stream().filter(m -> m.status() == MotionStatus.PENDING).findFirst()
                .orElseThrow(() -> new AgoraException("forum.error.no-pending-motion"));
        Statute statute = access.statute(s.bodyId());
        int members = access.memberCount(s.bodyId());
        int present = access.presentCount(sessionId);
        if (!statute.quorum().met(present, members)) {
            throw new AgoraException("forum.error.no-quorum", present, statute.quorum().required(members));
        }
        boolean isSecret = secret != null ? secret : !statute.openVotesByDefault();
        // a secret ballot cannot be changed: the anonymous ballot has no owner to change it
        boolean change = statute.voteChangeAllowed() && !isSecret;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO forum_vote (session_id, motion_id, secret, majority, change_allowed, members_count,
                  status, opened_at)
                VALUES (:s, :m, :secret, :majority, :change, :members, 'OPEN', :at)""")
                .param("s", sessionId).param("m", next.id()).param("secret", isSecret)
                .param("majority", (majority != null ? majority : statute.defaultMajority()).name())
                .param("change", change).param("members", members).param("at", ForumAccess.ts(access.now()))
                .update(keys, "id");
        jdbc.sql("UPDATE forum_motion SET status = 'VOTING' WHERE id = :id").param("id", next.id()).update();
        long voteId = keys.getKey().longValue();
        access.changed(sessionId);
        audit.record("forum.vote.opened", "forum-vote:" + voteId, "motion " + next.id() + (isSecret ? " secret" : " open"));
        return voteId;
    }

    /**
     * The chair closes the vote. Under the session's lock, so every vote is either already in (and
     * counted, from the rows) or arrives after and is refused. The quorum is checked again at this
     * moment: without it the motion is not adopted, whatever the totals.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Vote closeVote(long voteId) {
        long sessionId = sessionOfVote(voteId);
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        access.chair(s.bodyId());
        var row = jdbc.sql("SELECT status, secret, majority, members_count, motion_id FROM forum_vote WHERE id = :id")
                .param("id", voteId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), Majority.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getLong(5)}).single();
        if (!"OPEN".equals(row[0])) {
            throw new AgoraException("forum.error.vote-closed");
        }
        boolean secret = (boolean) row[1];
        Majority majority = (Majority) row[2];
        int members = (int) row[3];
        int[] totals = totals(voteId, secret);
        Statute statute = access.statute(s.bodyId());
        int present = access.presentCount(sessionId);
        boolean quorum = statute.quorum().met(present, members);
        boolean adopted = quorum && majority.adopted(totals[0], totals[1], totals[2], members);
        jdbc.sql("""
                UPDATE forum_vote SET status = 'CLOSED', closed_at = :at, present_at_close = :present,
                  quorum_met = :quorum, yes_count = :yes, no_count = :no, abstain_count = :abstain, adopted = :adopted
                WHERE id = :id""")
                .param("at", ForumAccess.ts(access.now())).param("present", present).param("quorum", quorum)
                .param("yes", totals[0]).param("no", totals[1]).param("abstain", totals[2])
                .param("adopted", adopted).param("id", voteId).update();
        jdbc.sql("UPDATE forum_motion SET status = :st WHERE id = :id")
                .param("st", adopted ? "ADOPTED" : "REJECTED").param("id", (long) row[4]).update();
        access.changed(sessionId);
        audit.record("forum.vote.closed", "forum-vote:" + voteId,
                totals[0] + "/" + totals[1] + "/" + totals[2] + (adopted ? " adopted" : " rejected"));
        return votes(sessionId, "v.id = " + voteId).getFirst();
    }

    // ---- members ---------------------------------------------------------------------------------

    /** A member checks in, in the room or remotely (when the session allows it). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void checkIn(long sessionId, AttendanceMode mode) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        Member member = access.member(s.bodyId());
        requireOpen(s);
        if (mode == AttendanceMode.REMOTE && !s.remoteAllowed()) {
            throw new AgoraException("forum.error.no-remote");
        }
        jdbc.sql("""
                INSERT INTO forum_attendance (session_id, member_id, mode, checked_in_at) VALUES (:s, :m, :mode, :at)
                ON DUPLICATE KEY UPDATE mode = VALUES(mode), left_at = NULL""")
                .param("s", sessionId).param("m", member.id()).param("mode", mode.name())
                .param("at", ForumAccess.ts(access.now())).update();
        access.changed(sessionId);
    }

    /** A member leaves the session (the quorum counts them no longer). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void checkOut(long sessionId) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        Member member = access.member(s.bodyId());
        requireOpen(s);
        jdbc.sql("UPDATE forum_attendance SET left_at = :at WHERE session_id = :s AND member_id = :m AND left_at IS NULL")
                .param("at", ForumAccess.ts(access.now())).param("s", sessionId).param("m", member.id()).update();
        access.changed(sessionId);
    }

    /** A present member asks for the floor on the current item; one waiting request of each kind. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long requestFloor(long sessionId, SpeechKind kind) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        Member member = presentMember(s);
        if (s.currentItemId() == null) {
            throw new AgoraException("forum.error.no-current-item");
        }
        int waiting = jdbc.sql("""
                SELECT COUNT(*) FROM forum_speech WHERE item_id = :i AND member_id = :m AND kind = :k
                  AND status IN ('WAITING', 'SPEAKING')""")
                .param("i", s.currentItemId()).param("m", member.id()).param("k", kind.name())
                .query(Integer.class).single();
        if (waiting > 0) {
            throw new AgoraException("forum.error.already-requested");
        }
        Statute statute = access.statute(s.bodyId());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO forum_speech (item_id, member_id, kind, status, requested_at, seconds_allowed)
                VALUES (:i, :m, :k, 'WAITING', :at, :secs)""")
                .param("i", s.currentItemId()).param("m", member.id()).param("k", kind.name())
                .param("at", ForumAccess.ts(access.now()))
                .param("secs", kind == SpeechKind.SPEECH ? statute.speakingSeconds() : statute.shortSeconds())
                .update(keys, "id");
        access.changed(sessionId);
        return keys.getKey().longValue();
    }

    /** A member withdraws their own waiting request. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void withdrawRequest(long requestId) {
        long itemId = jdbc.sql("SELECT item_id FROM forum_speech WHERE id = :id").param("id", requestId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-request"));
        ForumAccess.SessionRow s = access.lockSession(sessionOfItem(itemId));
        Member member = access.member(s.bodyId());
        int rows = jdbc.sql("""
                UPDATE forum_speech SET status = 'WITHDRAWN' WHERE id = :id AND member_id = :m AND status = 'WAITING'""")
                .param("id", requestId).param("m", member.id()).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.request-not-waiting");
        }
        access.changed(s.id());
    }

    /**
     * A member submits a motion, or an amendment to a pending motion, on an agenda item: in advance
     * (before the session) or during it while checked in. Motions are voted in the chair's order,
     * new ones last. The text goes to translation.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long submitMotion(long itemId, @Nullable Long amends, String text, UiLanguage language) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new AgoraException("forum.error.motion-required");
        }
        if (clean.length() > NewAgendaItem.MAX_TEXT) {
            throw new AgoraException("forum.error.too-long", NewAgendaItem.MAX_TEXT);
        }
        ForumAccess.SessionRow s = access.lockSession(sessionOfItem(itemId));
        Member member = s.status() == SessionStatus.OPEN ? presentMember(s) : access.member(s.bodyId());
        if (s.status() == SessionStatus.CLOSED) {
            throw new AgoraException("forum.error.session-closed");
        }
        String itemStatus = jdbc.sql("SELECT status FROM forum_agenda_item WHERE id = :id").param("id", itemId)
                .query(String.class).single();
        if (!itemStatus.equals("ACCEPTED") && !itemStatus.equals("ACTIVE")) {
            throw new AgoraException("forum.error.item-not-on-agenda");
        }
        if (amends != null) {
            boolean ok = jdbc.sql("SELECT COUNT(*) FROM forum_motion WHERE id = :id AND item_id = :i AND status = 'PENDING'")
                    .param("id", amends).param("i", itemId).query(Integer.class).single() > 0;
            if (!ok) {
                throw new AgoraException("forum.error.motion-not-pending");
            }
        }
        long id = insertMotion(itemId, amends, amends == null ? MotionKind.MOTION : MotionKind.AMENDMENT, clean,
                member.id(), language.tag());
        events.publishEvent(new ContentSubmitted(ForumService.motionRef(id), clean, member.userId(), language.tag()));
        access.changed(s.id());
        audit.record("forum.motion.submitted", "forum-motion:" + id, member.displayName());
        return id;
    }

    /** The author withdraws a pending motion. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void withdrawMotion(long motionId) {
        long itemId = itemOfMotion(motionId);
        ForumAccess.SessionRow s = access.lockSession(sessionOfItem(itemId));
        Member member = access.member(s.bodyId());
        int rows = jdbc.sql("UPDATE forum_motion SET status = 'WITHDRAWN' WHERE id = :id AND author_id = :m AND status = 'PENDING'")
                .param("id", motionId).param("m", member.id()).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.motion-not-pending");
        }
        access.changed(s.id());
    }

    /**
     * A present member votes. One vote per member and vote, by the register's primary key. In an
     * open vote a member may change the vote until it closes when the statute allows; a secret
     * ballot is final. For a secret vote the register row gets no choice and no time, and the
     * anonymous ballot no member: the returned receipt (shown once) lets the voter find their
     * ballot's hash among the published ones.
     *
     * @return the receipt of a secret ballot, empty for an open vote
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<String> cast(long voteId, Choice choice) {
        if (choice == null) {
            throw new AgoraException("forum.error.choice-required");
        }
        long sessionId = sessionOfVote(voteId);
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        Member member = presentMember(s);
        var vote = jdbc.sql("SELECT status, secret, change_allowed FROM forum_vote WHERE id = :id").param("id", voteId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)}).single();
        if (!"OPEN".equals(vote[0])) {
            throw new AgoraException("forum.error.vote-closed");
        }
        boolean secret = (boolean) vote[1];
        boolean changeAllowed = (boolean) vote[2];
        if (secret) {
            try {
                jdbc.sql("INSERT INTO forum_vote_register (vote_id, member_id) VALUES (:v, :m)")
                        .param("v", voteId).param("m", member.id()).update();
            } catch (DuplicateKeyException e) {
                throw new AgoraException("forum.error.already-voted");
            }
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String receipt = HexFormat.of().formatHex(bytes);
            jdbc.sql("INSERT INTO forum_secret_ballot (id, vote_id, choice, receipt_hash) VALUES (:id, :v, :c, :h)")
                    .param("id", UUID.randomUUID().toString()).param("v", voteId).param("c", choice.name())
                    .param("h", sha256(receipt)).update();
            access.changed(sessionId);
            return Optional.of(receipt);
        }
        try {
            jdbc.sql("INSERT INTO forum_vote_register (vote_id, member_id, choice, cast_at) VALUES (:v, :m, :c, :at)")
                    .param("v", voteId).param("m", member.id()).param("c", choice.name())
                    .param("at", ForumAccess.ts(access.now())).update();
        } catch (DuplicateKeyException e) {
            if (!changeAllowed) {
                throw new AgoraException("forum.error.already-voted");
            }
            jdbc.sql("UPDATE forum_vote_register SET choice = :c, cast_at = :at WHERE vote_id = :v AND member_id = :m")
                    .param("c", choice.name()).param("at", ForumAccess.ts(access.now()))
                    .param("v", voteId).param("m", member.id()).update();
        }
        access.changed(sessionId);
        return Optional.empty();
    }

    public static String sha256(String text) {
        return ForumAccess.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- reading ---------------------------------------------------------------------------------

    /**
     * The whole state of the session as of now, in one transaction (one consistent snapshot). The
     * public part is read from the database once per version on this node and shared by every screen
     * here (every change raises the version, so an equal version means equal rows); only the
     * viewer's own part is read per screen.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LiveState state(long sessionId) {
        ForumAccess.SessionRow row = access.session(sessionId);
        Optional<Member> me = access.membership(row.bodyId());
        boolean insider = me.isPresent() || access.admin();
        if (row.status() == SessionStatus.PLANNED && !insider) {
            throw new AgoraException("forum.error.no-session");
        }
        LiveState base = publicStates.get(sessionId);
        if (base == null || base.version() != row.version()) {
            base = publicState(row);
            LiveState fresh = base;
            publicStates.merge(sessionId, fresh, (old, neu) -> neu.version() >= old.version() ? neu : old);
        }
        List<AgendaItem> agenda = insider ? base.agenda() : base.agenda().stream()
                .filter(i -> i.status() != ItemStatus.PROPOSED && i.status() != ItemStatus.REJECTED).toList();
        Viewer viewer = null;
        if (me.isPresent()) {
            Member m = me.get();
            AttendanceMode mode = base.attendance().stream().filter(a -> a.memberId() == m.id()).findFirst()
                    .map(Attendee::mode).orElse(null);
            Long waiting = base.queue().stream().filter(q -> q.memberId() == m.id())
                    .map(Speaker::id).findFirst().orElse(null);
            boolean voted = false;
            Choice choice = null;
            if (base.vote() != null) {
                var reg = jdbc.sql("SELECT choice FROM forum_vote_register WHERE vote_id = :v AND member_id = :m")
                        .param("v", base.vote().id()).param("m", m.id())
                        .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional();
                voted = reg.isPresent();
                choice = reg.flatMap(c -> c).map(Choice::valueOf).orElse(null);
            }
            viewer = new Viewer(m.id(), m.role(), mode, waiting, voted, choice);
        }
        return new LiveState(base.version(), access.now(), base.session(), base.statute(), base.members(),
                base.presentRoom(), base.presentRemote(), base.quorumRequired(), agenda, base.currentItem(),
                base.speaking(), base.queue(), base.motions(), base.vote(), base.closedVotes(), base.attendance(),
                base.attachments(), viewer);
    }

    private final java.util.Map<Long, LiveState> publicStates = new java.util.concurrent.ConcurrentHashMap<>();

    /** What everyone sees of the session at the row's version, read in the caller's snapshot. */
    private LiveState publicState(ForumAccess.SessionRow row) {
        long sessionId = row.id();
        SessionSummary session = jdbc.sql(ForumService.SESSION_SELECT + " WHERE s.id = :id").param("id", sessionId)
                .query((rs, n) -> ForumService.sessionSummary(rs)).single();
        Statute statute = access.statute(row.bodyId());
        int members = access.memberCount(row.bodyId());
        List<Attendee> attendance = jdbc.sql("""
                SELECT m.id, m.display_name, m.role, a.mode FROM forum_member m
                LEFT JOIN forum_attendance a ON a.member_id = m.id AND a.session_id = :s AND a.left_at IS NULL
                WHERE m.body_id = :b AND m.term_start <= :today AND (m.term_end IS NULL OR m.term_end >= :today)
                ORDER BY FIELD(m.role, 'CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'), m.display_name, m.id""")
                .param("s", sessionId).param("b", row.bodyId()).param("today", access.today())
                .query((rs, n) -> new Attendee(rs.getLong(1), rs.getString(2), MemberRole.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : AttendanceMode.valueOf(rs.getString(4))))
                .list();
        int room = (int) attendance.stream().filter(a -> a.mode() == AttendanceMode.ROOM).count();
        int remote = (int) attendance.stream().filter(a -> a.mode() == AttendanceMode.REMOTE).count();
        List<AgendaItem> agenda = ForumService.agendaOf(jdbc, sessionId);
        AgendaItem current = row.currentItemId() == null ? null
                : agenda.stream().filter(i -> i.id() == row.currentItemId()).findFirst().orElse(null);
        Speaker speaking = null;
        List<Speaker> queue = List.of();
        List<Motion> motions = List.of();
        if (current != null) {
            speaking = speakers(current.id(), "s.status = 'SPEAKING'").stream().findFirst().orElse(null);
            queue = queue(current.id());
            motions = motions(current.id());
        }
        List<Vote> votes = votes(sessionId, "TRUE");
        Vote open = votes.stream().filter(Vote::open).findFirst().orElse(null);
        List<Vote> closed = votes.stream().filter(v -> !v.open()).toList();
        return new LiveState(row.version(), access.now(), session, statute, members, room, remote,
                statute.quorum().required(members), agenda, current, speaking, queue, motions, open, closed,
                attendance, ForumAttachments.metadata(jdbc, sessionId), null);
    }

    /** The session's current version, for screens that only need to know whether to re-read. */
    @Transactional(readOnly = true)
    public long version(long sessionId) {
        return access.session(sessionId).version();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The waiting requests in the order they will be called: priority ones first, then by request time. */
    List<Speaker> queue(long itemId) {
        return speakers(itemId, "s.status = 'WAITING'");
    }

    private List<Speaker> speakers(long itemId, String condition) {
        return jdbc.sql("""
                SELECT s.id, s.member_id, m.display_name, s.kind, s.priority_at IS NOT NULL, s.floor_started_at,
                       s.seconds_allowed
                FROM forum_speech s JOIN forum_member m ON m.id = s.member_id
                WHERE s.item_id = :i AND %s
                ORDER BY s.priority_at IS NULL, s.priority_at, s.requested_at, s.id""".formatted(condition))
                .param("i", itemId)
                .query((rs, n) -> new Speaker(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        SpeechKind.valueOf(rs.getString(4)), rs.getBoolean(5), ForumAccess.instant(rs, 6), rs.getInt(7)))
                .list();
    }

    List<Motion> motions(long itemId) {
        return jdbc.sql("""
                SELECT mo.id, mo.parent_id, mo.kind, mo.text, mo.language, m.display_name, mo.status, mo.vote_order,
                       mo.item_id, mo.author_id IS NULL
                FROM forum_motion mo LEFT JOIN forum_member m ON m.id = mo.author_id
                WHERE mo.item_id = :i ORDER BY mo.vote_order, mo.id""")
                .param("i", itemId)
                .query((rs, n) -> {
                    long parent = rs.getLong(2);
                    Long parentId = rs.wasNull() ? null : parent;
                    return new Motion(rs.getLong(1), parentId, MotionKind.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6), MotionStatus.valueOf(rs.getString(7)), rs.getInt(8),
                            textRef(rs.getLong(1), MotionKind.valueOf(rs.getString(3)), rs.getLong(9), rs.getBoolean(10)));
                })
                .list();
    }

    /** Votes of a session in opening order, with totals and the roll call (open votes) once closed. */
    List<Vote> votes(long sessionId, String condition) {
        List<Object[]> rows = jdbc.sql("""
                SELECT v.id, v.motion_id, mo.text, mo.kind, v.secret, v.majority, v.status, v.members_count,
                       v.yes_count, v.no_count, v.abstain_count, v.quorum_met, v.adopted,
                       (SELECT COUNT(*) FROM forum_vote_register r WHERE r.vote_id = v.id),
                       mo.item_id, mo.author_id IS NULL
                FROM forum_vote v JOIN forum_motion mo ON mo.id = v.motion_id
                WHERE v.session_id = :s AND %s ORDER BY v.id""".formatted(condition))
                .param("s", sessionId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                        MotionKind.valueOf(rs.getString(4)), rs.getBoolean(5), Majority.valueOf(rs.getString(6)),
                        "OPEN".equals(rs.getString(7)), rs.getInt(8), rs.getObject(9, Integer.class),
                        rs.getObject(10, Integer.class), rs.getObject(11, Integer.class), rs.getObject(12, Boolean.class),
                        rs.getObject(13, Boolean.class), rs.getInt(14),
                        textRef(rs.getLong(2), MotionKind.valueOf(rs.getString(4)), rs.getLong(15), rs.getBoolean(16))})
                .list();
        List<Vote> votes = new ArrayList<>();
        for (Object[] r : rows) {
            boolean open = (boolean) r[6];
            boolean secret = (boolean) r[4];
            List<RollCall> roll = open || secret ? List.of() : jdbc.sql("""
                    SELECT m.display_name, r.choice FROM forum_vote_register r JOIN forum_member m ON m.id = r.member_id
                    WHERE r.vote_id = :v ORDER BY m.display_name, m.id""")
                    .param("v", (long) r[0])
                    .query((rs, n) -> new RollCall(rs.getString(1), Choice.valueOf(rs.getString(2)))).list();
            votes.add(new Vote((long) r[0], (long) r[1], (String) r[2], (ContentRef) r[14], (MotionKind) r[3], secret,
                    (Majority) r[5],
                    open, (int) r[13], (int) r[7], (Integer) r[8], (Integer) r[9], (Integer) r[10], (Boolean) r[11],
                    (Boolean) r[12], roll));
        }
        return votes;
    }

    /** A draft resolution made into a motion has the agenda item's translations; other motions their own. */
    static ContentRef textRef(long motionId, MotionKind kind, long itemId, boolean noAuthor) {
        return kind == MotionKind.RESOLUTION && noAuthor ? ForumService.draftRef(itemId) : ForumService.motionRef(motionId);
    }

    private int[] totals(long voteId, boolean secret) {
        String table = secret ? "forum_secret_ballot" : "forum_vote_register";
        int[] totals = new int[3];
        jdbc.sql("SELECT choice, COUNT(*) FROM " + table + " WHERE vote_id = :v GROUP BY choice")
                .param("v", voteId)
                .query(rs -> {
                    totals[Choice.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                });
        return totals;
    }

    private long insertMotion(long itemId, @Nullable Long parent, MotionKind kind, String text, @Nullable Long author,
            String language) {
        int order = jdbc.sql("SELECT COALESCE(MAX(vote_order), 0) + 1 FROM forum_motion WHERE item_id = :i")
                .param("i", itemId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO forum_motion (item_id, parent_id, kind, text, author_id, language, status, vote_order, created_at)
                VALUES (:i, :p, :k, :t, :a, :l, 'PENDING', :o, :at)""")
                .param("i", itemId).param("p", parent).param("k", kind.name()).param("t", text).param("a", author)
                .param("l", language).param("o", order).param("at", ForumAccess.ts(access.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private boolean endFloorOf(ForumAccess.SessionRow s, Instant now) {
        if (s.currentItemId() == null) {
            return false;
        }
        return jdbc.sql("""
                UPDATE forum_speech SET status = 'DONE', floor_ended_at = :at WHERE item_id = :i AND status = 'SPEAKING'""")
                .param("at", ForumAccess.ts(now)).param("i", s.currentItemId()).update() > 0;
    }

    private Member presentMember(ForumAccess.SessionRow s) {
        Member member = access.member(s.bodyId());
        requireOpen(s);
        boolean present = jdbc.sql("""
                SELECT COUNT(*) FROM forum_attendance WHERE session_id = :s AND member_id = :m AND left_at IS NULL""")
                .param("s", s.id()).param("m", member.id()).query(Integer.class).single() > 0;
        if (!present) {
            throw new AgoraException("forum.error.not-checked-in");
        }
        return member;
    }

    private static void requireOpen(ForumAccess.SessionRow s) {
        if (s.status() != SessionStatus.OPEN) {
            throw new AgoraException(s.status() == SessionStatus.CLOSED ? "forum.error.session-closed"
                    : "forum.error.session-not-open");
        }
    }

    private Optional<Long> openVoteId(long sessionId) {
        return jdbc.sql("SELECT id FROM forum_vote WHERE session_id = :s AND status = 'OPEN'").param("s", sessionId)
                .query(Long.class).optional();
    }

    private long sessionOfItem(long itemId) {
        return jdbc.sql("SELECT session_id FROM forum_agenda_item WHERE id = :id").param("id", itemId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-item"));
    }

    private long itemOfMotion(long motionId) {
        return jdbc.sql("SELECT item_id FROM forum_motion WHERE id = :id").param("id", motionId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-motion"));
    }

    private long sessionOfVote(long voteId) {
        return jdbc.sql("SELECT session_id FROM forum_vote WHERE id = :id").param("id", voteId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-vote"));
    }
}
