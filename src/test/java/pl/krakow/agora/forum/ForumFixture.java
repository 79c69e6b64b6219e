package pl.krakow.agora.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * A body with a chair and members, a session with a published agenda (one item with a draft
 * resolution), opened by the chair. Each fixture uses fresh user ids and a unique body name, so
 * tests sharing the database never see each other's rows.
 */
final class ForumFixture {

    private static final AtomicLong USERS = new AtomicLong(7_000_000 + (System.nanoTime() % 1000) * 10_000);

    final long bodyId;
    final long sessionId;
    final long itemId;
    final UserRef chair;
    final List<UserRef> members = new ArrayList<>();

    private ForumFixture(long bodyId, long sessionId, long itemId, UserRef chair) {
        this.bodyId = bodyId;
        this.sessionId = sessionId;
        this.itemId = itemId;
        this.chair = chair;
    }

    /** A body of {@code memberCount} ordinary members plus the chair (so the body has memberCount + 1). */
    static ForumFixture create(ForumService forum, LiveSession live, int memberCount, Statute statute) {
        asAdmin();
        String name = "Forum testowe " + UUID.randomUUID();
        long body = forum.createBody(name, statute);
        LocalDate start = LocalDate.of(2020, 1, 1);
        UserRef chair = user("przewodniczaca");
        forum.addMember(body, chair, MemberRole.CHAIR, start, null);
        List<UserRef> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            UserRef m = user("czlonek" + i);
            forum.addMember(body, m, MemberRole.MEMBER, start, null);
            members.add(m);
        }
        long session = forum.scheduleSession(body, 1, Instant.now().plus(1, ChronoUnit.DAYS), "Sala Obrad", true);
        long item = forum.addAgendaItem(session, new NewAgendaItem("Sprawy bieżące", "Opis", "Referentka",
                "Forum postanawia przyjąć stanowisko."), UiLanguage.PL);
        forum.publishAgenda(session);
        ForumFixture f = new ForumFixture(body, session, item, chair);
        f.members.addAll(members);
        f.as(chair);
        live.open(session);
        TestUsers.signOut();
        return f;
    }

    static Statute statute(QuorumRule quorum, Majority majority, boolean open, boolean change) {
        return new Statute(quorum, majority, open, change, 120);
    }

    static UserRef user(String name) {
        long id = USERS.incrementAndGet();
        return new UserRef(id, name + "-" + id, "Osoba " + name + " " + id);
    }

    static void asAdmin() {
        TestUsers.signIn(USERS.incrementAndGet(), "admin-test", Role.RESIDENT, Role.ADMIN);
    }

    void as(UserRef user) {
        TestUsers.signIn(user.id(), user.username(), Role.RESIDENT, Role.FORUM_MEMBER);
    }

    /** Every member (and the chair) checks in, in the room. */
    void everyoneChecksIn(LiveSession live) {
        as(chair);
        live.checkIn(sessionId, AttendanceMode.ROOM);
        for (UserRef m : members) {
            as(m);
            live.checkIn(sessionId, AttendanceMode.ROOM);
        }
        TestUsers.signOut();
    }
}
