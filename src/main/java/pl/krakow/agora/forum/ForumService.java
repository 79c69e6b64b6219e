package pl.krakow.agora.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Bodies, members, sessions and their agendas (issue 7, items 1-2). Administrators create bodies and
 * members; the administrator or the chair schedules sessions, sets and publishes the agenda; members
 * propose agenda items in advance. Reading bodies, published sessions and agendas is public.
 */
@Service
public class ForumService {

    public static final String MODULE = "forum";

    private final ForumAccess access;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ForumService(ForumAccess access, AuditLog audit, ApplicationEventPublisher events) {
        this.access = access;
        this.jdbc = access.jdbc();
        this.audit = audit;
        this.events = events;
    }

    // ---- bodies and members ----------------------------------------------------------------------

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createBody(String name, Statute statute) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new AgoraException("forum.error.name-required");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO forum_body (name, quorum_rule, default_majority, open_votes_default,
                      vote_change_allowed, speaking_seconds, created_at)
                    VALUES (:name, :quorum, :majority, :open, :change, :seconds, :at)""")
                    .param("name", clean).param("quorum", statute.quorum().name())
                    .param("majority", statute.defaultMajority().name()).param("open", statute.openVotesByDefault())
                    .param("change", statute.voteChangeAllowed()).param("seconds", statute.speakingSeconds())
                    .param("at", ForumAccess.ts(access.now()))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new AgoraException("forum.error.name-taken", clean);
        }
        long id = keys.getKey().longValue();
        audit.record("forum.body.created", "forum-body:" + id, clean);
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void updateStatute(long bodyId, Statute statute) {
        int rows = jdbc.sql("""
                UPDATE forum_body SET quorum_rule = :quorum, default_majority = :majority,
                  open_votes_default = :open, vote_change_allowed = :change, speaking_seconds = :seconds
                WHERE id = :id""")
                .param("quorum", statute.quorum().name()).param("majority", statute.defaultMajority().name())
                .param("open", statute.openVotesByDefault()).param("change", statute.voteChangeAllowed())
                .param("seconds", statute.speakingSeconds()).param("id", bodyId).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.no-body");
        }
        audit.record("forum.body.statute", "forum-body:" + bodyId, statute.toString());
    }

    /**
     * Makes a person a member of a body with a role and a term. A body has one chair and one
     * secretary at a time (among members whose terms overlap is not checked: terms are set by the
     * administrator, who replaces a chair by ending the old term first).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long addMember(long bodyId, UserRef user, MemberRole role, LocalDate termStart,
            @Nullable LocalDate termEnd) {
        if (role == null || termStart == null) {
            throw new AgoraException("forum.error.member-incomplete");
        }
        if (termEnd != null && termEnd.isBefore(termStart)) {
            throw new AgoraException("forum.error.term-order");
        }
        access.statute(bodyId);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO forum_member (body_id, user_id, display_name, role, term_start, term_end)
                    VALUES (:body, :user, :name, :role, :start, :end)""")
                    .param("body", bodyId).param("user", user.id()).param("name", user.displayName())
                    .param("role", role.name()).param("start", termStart).param("end", termEnd)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new AgoraException("forum.error.already-member", user.displayName());
        }
        long id = keys.getKey().longValue();
        // screens of the body's running sessions show the new size of the body (quorum, majorities)
        jdbc.sql("UPDATE forum_session SET version = version + 1 WHERE body_id = :b AND status <> 'CLOSED'")
                .param("b", bodyId).update();
        audit.record("forum.member.added", "forum-body:" + bodyId, user.username() + " " + role);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Body> bodies() {
        return jdbc.sql("""
                SELECT b.id, b.name, b.quorum_rule, b.default_majority, b.open_votes_default, b.vote_change_allowed,
                       b.speaking_seconds,
                       (SELECT COUNT(*) FROM forum_member m WHERE m.body_id = b.id AND m.term_start <= :today
                          AND (m.term_end IS NULL OR m.term_end >= :today))
                FROM forum_body b ORDER BY b.name""")
                .param("today", access.today())
                .query((rs, n) -> new Body(rs.getLong(1), rs.getString(2),
                        new Statute(QuorumRule.valueOf(rs.getString(3)), Majority.valueOf(rs.getString(4)),
                                rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7)), rs.getInt(8)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Body> body(long bodyId) {
        return bodies().stream().filter(b -> b.id() == bodyId).findFirst();
    }

    /** The body's members (all terms), chair first. */
    @Transactional(readOnly = true)
    public List<Member> members(long bodyId) {
        return jdbc.sql("""
                SELECT id, body_id, user_id, display_name, role, term_start, term_end FROM forum_member
                WHERE body_id = :body
                ORDER BY FIELD(role, 'CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'), display_name, id""")
                .param("body", bodyId).query((rs, n) -> ForumAccess.member(rs)).list();
    }

    /** The signed-in user's current memberships, for "my sessions". */
    @Transactional(readOnly = true)
    public List<Member> myMemberships() {
        return access.userIfAny().map(u -> jdbc.sql("""
                SELECT id, body_id, user_id, display_name, role, term_start, term_end FROM forum_member
                WHERE user_id = :user""").param("user", u.id()).query((rs, n) -> ForumAccess.member(rs)).list()
                .stream().filter(m -> m.servesOn(access.today())).toList()).orElse(List.of());
    }

    // ---- sessions --------------------------------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long scheduleSession(long bodyId, int number, Instant startsAt, String place, boolean remoteAllowed) {
        access.chairOrAdmin(bodyId);
        String cleanPlace = place == null ? "" : place.strip();
        if (number <= 0) {
            throw new AgoraException("forum.error.number");
        }
        if (cleanPlace.isEmpty() || cleanPlace.length() > 255) {
            throw new AgoraException("forum.error.place-required");
        }
        if (startsAt == null) {
            throw new AgoraException("forum.error.date-required");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO forum_session (body_id, number, starts_at, place, remote_allowed, status)
                    VALUES (:body, :number, :at, :place, :remote, 'PLANNED')""")
                    .param("body", bodyId).param("number", number).param("at", ForumAccess.ts(startsAt))
                    .param("place", cleanPlace).param("remote", remoteAllowed).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new AgoraException("forum.error.number-taken", number);
        }
        long id = keys.getKey().longValue();
        audit.record("forum.session.scheduled", "forum-session:" + id, "body " + bodyId + " no. " + number);
        return id;
    }

    /**
     * Sessions of a body, newest first. Sessions still being prepared (PLANNED) are listed for the
     * body's members and administrators only.
     */
    @Transactional(readOnly = true)
    public List<SessionSummary> sessions(long bodyId) {
        boolean insider = access.admin() || access.membership(bodyId).isPresent();
        return jdbc.sql(SESSION_SELECT + " WHERE s.body_id = :body ORDER BY s.number DESC")
                .param("body", bodyId).query((rs, n) -> sessionSummary(rs)).list()
                .stream().filter(s -> insider || s.status() != SessionStatus.PLANNED).toList();
    }

    @Transactional(readOnly = true)
    public SessionSummary session(long sessionId) {
        SessionSummary session = jdbc.sql(SESSION_SELECT + " WHERE s.id = :id").param("id", sessionId)
                .query((rs, n) -> sessionSummary(rs)).optional()
                .orElseThrow(() -> new AgoraException("forum.error.no-session"));
        if (session.status() == SessionStatus.PLANNED && !access.admin()
                && access.membership(session.bodyId()).isEmpty()) {
            throw new AgoraException("forum.error.no-session");
        }
        return session;
    }

    static final String SESSION_SELECT = """
            SELECT s.id, s.body_id, b.name, s.number, s.starts_at, s.place, s.remote_allowed, s.status
            FROM forum_session s JOIN forum_body b ON b.id = s.body_id""";

    static SessionSummary sessionSummary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SessionSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                ForumAccess.instant(rs, 5), rs.getString(6), rs.getBoolean(7), SessionStatus.valueOf(rs.getString(8)));
    }

    // ---- agenda ----------------------------------------------------------------------------------

    /** The administrator or the chair puts an item on the agenda of a session not yet closed. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long addAgendaItem(long sessionId, NewAgendaItem item, UiLanguage language) {
        ForumAccess.SessionRow session = access.lockSession(sessionId);
        access.chairOrAdmin(session.bodyId());
        if (session.status() == SessionStatus.CLOSED) {
            throw new AgoraException("forum.error.session-closed");
        }
        long id = insertItem(sessionId, item, ItemStatus.ACCEPTED, null, language);
        submitTexts(id, item, access.userIfAny().map(UserRef::id).orElse(null), language);
        access.changed(sessionId);
        audit.record("forum.agenda.added", "forum-item:" + id, item.title());
        return id;
    }

    /**
     * A member proposes an agenda item before the session (issue 7, item 2); the chair accepts or
     * rejects it. The text goes to translation.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long proposeAgendaItem(long sessionId, NewAgendaItem item, UiLanguage language) {
        ForumAccess.SessionRow session = access.lockSession(sessionId);
        Member member = access.member(session.bodyId());
        if (session.status() != SessionStatus.PLANNED && session.status() != SessionStatus.PUBLISHED) {
            throw new AgoraException("forum.error.proposals-closed");
        }
        long id = insertItem(sessionId, item, ItemStatus.PROPOSED, member.id(), language);
        submitTexts(id, item, member.userId(), language);
        access.changed(sessionId);
        audit.record("forum.agenda.proposed", "forum-item:" + id, item.title());
        return id;
    }

    /** The chair accepts a member's proposed item onto the agenda, or rejects it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void decideProposal(long itemId, boolean accept) {
        long sessionId = sessionOfItem(itemId);
        ForumAccess.SessionRow session = access.lockSession(sessionId);
        access.chairOrAdmin(session.bodyId());
        int rows = jdbc.sql("UPDATE forum_agenda_item SET status = :status WHERE id = :id AND status = 'PROPOSED'")
                .param("status", accept ? "ACCEPTED" : "REJECTED").param("id", itemId).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.not-proposed");
        }
        access.changed(sessionId);
        audit.record(accept ? "forum.agenda.accepted" : "forum.agenda.rejected", "forum-item:" + itemId, "");
    }

    /** The agenda is published before the session (issue 7, item 2): from then on it is public. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void publishAgenda(long sessionId) {
        ForumAccess.SessionRow session = access.lockSession(sessionId);
        access.chairOrAdmin(session.bodyId());
        if (session.status() != SessionStatus.PLANNED) {
            throw new AgoraException("forum.error.already-published");
        }
        jdbc.sql("UPDATE forum_session SET status = 'PUBLISHED', published_at = :at WHERE id = :id")
                .param("at", ForumAccess.ts(access.now())).param("id", sessionId).update();
        access.changed(sessionId);
        audit.record("forum.agenda.published", "forum-session:" + sessionId, "");
    }

    /**
     * The chair moves an item one place earlier or later on the agenda of a session not yet closed
     * (the order of business is the chair's, issue 7 item 4).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void moveItem(long itemId, boolean earlier) {
        long sessionId = sessionOfItem(itemId);
        ForumAccess.SessionRow session = access.lockSession(sessionId);
        access.chairOrAdmin(session.bodyId());
        if (session.status() == SessionStatus.CLOSED) {
            throw new AgoraException("forum.error.session-closed");
        }
        List<AgendaItem> items = agendaOf(jdbc, sessionId).stream()
                .filter(i -> i.status() != ItemStatus.PROPOSED && i.status() != ItemStatus.REJECTED).toList();
        int at = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == itemId) {
                at = i;
            }
        }
        int other = earlier ? at - 1 : at + 1;
        if (at < 0 || other < 0 || other >= items.size()) {
            throw new AgoraException("forum.error.cannot-move");
        }
        AgendaItem a = items.get(at);
        AgendaItem b = items.get(other);
        jdbc.sql("UPDATE forum_agenda_item SET position = :p WHERE id = :id").param("p", b.position()).param("id", a.id())
                .update();
        jdbc.sql("UPDATE forum_agenda_item SET position = :p WHERE id = :id").param("p", a.position()).param("id", b.id())
                .update();
        access.changed(sessionId);
        audit.record("forum.agenda.moved", "forum-item:" + itemId, earlier ? "earlier" : "later");
    }

    /** Whether the signed-in user prepares this session's agenda (its body's chair, or an administrator). */
    @Transactional(readOnly = true)
    public boolean mayPrepare(long sessionId) {
        ForumAccess.SessionRow session = access.session(sessionId);
        return access.admin() || access.membership(session.bodyId())
                .map(m -> m.role() == MemberRole.CHAIR || m.role() == MemberRole.VICE_CHAIR).orElse(false);
    }

    /** The agenda in order; items proposed or rejected are shown to members and administrators only. */
    @Transactional(readOnly = true)
    public List<AgendaItem> agenda(long sessionId) {
        SessionSummary session = session(sessionId);
        boolean insider = access.admin() || access.membership(session.bodyId()).isPresent();
        return agendaOf(jdbc, sessionId).stream()
                .filter(i -> insider || i.status() != ItemStatus.PROPOSED && i.status() != ItemStatus.REJECTED)
                .toList();
    }

    static List<AgendaItem> agendaOf(JdbcClient jdbc, long sessionId) {
        List<Object[]> rows = jdbc.sql("""
                SELECT i.id, i.session_id, i.position, i.title, i.description, i.rapporteur, i.draft_text, i.status,
                       m.display_name, i.language
                FROM forum_agenda_item i LEFT JOIN forum_member m ON m.id = i.proposed_by
                WHERE i.session_id = :s ORDER BY i.position, i.id""")
                .param("s", sessionId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), ItemStatus.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getString(10)})
                .list();
        List<AgendaItem> agenda = new java.util.ArrayList<>();
        int number = 0;
        for (Object[] r : rows) {
            ItemStatus status = (ItemStatus) r[7];
            boolean onAgenda = status != ItemStatus.PROPOSED && status != ItemStatus.REJECTED;
            agenda.add(new AgendaItem((long) r[0], (long) r[1], (int) r[2], onAgenda ? ++number : 0, (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], status, (String) r[8], (String) r[9]));
        }
        return agenda;
    }

    private long insertItem(long sessionId, NewAgendaItem item, ItemStatus status, @Nullable Long proposer,
            UiLanguage language) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM forum_agenda_item WHERE session_id = :s")
                .param("s", sessionId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO forum_agenda_item (session_id, position, title, description, rapporteur, draft_text,
                  status, proposed_by, language, created_at)
                VALUES (:s, :pos, :title, :description, :rapporteur, :draft, :status, :by, :lang, :at)""")
                .param("s", sessionId).param("pos", position).param("title", item.title())
                .param("description", item.description()).param("rapporteur", item.rapporteur())
                .param("draft", item.draftText()).param("status", status.name()).param("by", proposer)
                .param("lang", language.tag()).param("at", ForumAccess.ts(access.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * The item's title, description and draft resolution go to translation each on its own, so that
     * every part can be shown in the reader's language where it stands (agenda, current item, vote).
     */
    private void submitTexts(long itemId, NewAgendaItem item, @Nullable Long authorId, UiLanguage language) {
        events.publishEvent(new ContentSubmitted(itemRef(itemId), item.title(), authorId, language.tag()));
        if (!item.description().isEmpty()) {
            events.publishEvent(new ContentSubmitted(descriptionRef(itemId), item.description(), authorId,
                    language.tag()));
        }
        if (!item.draftText().isEmpty()) {
            events.publishEvent(new ContentSubmitted(draftRef(itemId), item.draftText(), authorId, language.tag()));
        }
    }

    long sessionOfItem(long itemId) {
        return jdbc.sql("SELECT session_id FROM forum_agenda_item WHERE id = :id").param("id", itemId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-item"));
    }

    /** An agenda item's title. */
    public static ContentRef itemRef(long itemId) {
        return new ContentRef(MODULE, "agenda-title", Long.toString(itemId));
    }

    public static ContentRef descriptionRef(long itemId) {
        return new ContentRef(MODULE, "agenda-description", Long.toString(itemId));
    }

    /** An item's draft resolution; also the text of the RESOLUTION motion made from it when the item starts. */
    public static ContentRef draftRef(long itemId) {
        return new ContentRef(MODULE, "agenda-draft", Long.toString(itemId));
    }

    public static ContentRef motionRef(long motionId) {
        return new ContentRef(MODULE, "motion", Long.toString(motionId));
    }
}
