package pl.krakow.agora.forum.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.forum.AttendanceMode;
import pl.krakow.agora.forum.Choice;
import pl.krakow.agora.forum.ForumMinutes;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.LiveSession;
import pl.krakow.agora.forum.LiveState;
import pl.krakow.agora.forum.MemberRole;
import pl.krakow.agora.forum.MinutesDocument;
import pl.krakow.agora.forum.MotionKind;
import pl.krakow.agora.forum.MotionStatus;
import pl.krakow.agora.forum.NewAgendaItem;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SpeechKind;
import pl.krakow.agora.forum.Statute;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The forum's views per role, without a browser (issue 7): the front page, a member's and the
 * chair's session screen, the gallery and the projector, the minutes. Every click is followed by a
 * look at the database through the services, not only at the screen; bad input gets a translated
 * notice and saves nothing. Each test builds its own body with fresh users (the database is shared).
 */
class ForumViewsIT extends AgoraBrowserlessTest {

    private static final AtomicLong USERS = new AtomicLong(30_000_000 + (System.nanoTime() % 1000) * 10_000);
    private static final String DRAFT = "Forum postanawia przyjąć stanowisko w sprawie tłumaczeń.";

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    ForumMinutes minutes;
    @Autowired
    JdbcClient jdbc;

    // ---- the front page --------------------------------------------------------------------------

    @Test
    void theFrontPageShowsBodiesMembersAndPublicSessionsToVisitorsTheTakePartLinkToMembersAndTheAdminLinkToAdmins() {
        Forum f = body(2, true);
        long planned = scheduled(f, 2);

        anonymous();
        polish();
        navigate(ForumView.ROUTE, ForumView.class);
        Section section = section(f.name);
        String text = section.getElement().getTextRecursively();
        assertThat(text).contains(f.chair.displayName() + " — " + t("forum.role.CHAIR"),
                f.members.get(0).displayName() + " — " + t("forum.role.MEMBER"),
                t("forum.status.OPEN"));
        assertThat(text).as("a planned session is not shown to visitors").contains("Sesja nr 1,").doesNotContain("Sesja nr 2,");
        assertThat(hrefs(section)).containsExactlyInAnyOrder(GalleryView.path(f.session), ProjectorView.path(f.session),
                MinutesView.path(f.session));
        assertThat($(Anchor.class).withId("forum-take-part-" + f.session).exists()).isFalse();
        assertThat($(Anchor.class).withId("forum-admin-link").exists()).isFalse();

        as(f.members.get(0));
        navigate(ForumView.ROUTE, ForumView.class);
        section = section(f.name);
        Anchor takePart = $(Anchor.class, section).id("forum-take-part-" + f.session);
        assertThat(takePart.getHref()).isEqualTo(SessionView.path(f.session));
        assertThat(takePart.getText()).isEqualTo(t("forum.front.take-part", 1));
        assertThat(hrefs(section)).as("a member also sees the planned session, without gallery or minutes yet")
                .contains(SessionView.path(planned)).doesNotContain(GalleryView.path(planned), MinutesView.path(planned));
        assertThat($(Anchor.class).withId("forum-admin-link").exists()).isFalse();

        signIn(USERS.incrementAndGet(), "admin-forum-views", Role.RESIDENT, Role.ADMIN);
        polish();
        navigate(ForumView.ROUTE, ForumView.class);
        Anchor admin = $(Anchor.class).id("forum-admin-link");
        assertThat(admin.getHref()).isEqualTo(ForumAdminView.ROUTE);
        assertThat(admin.getText()).isEqualTo(t("forum.admin.title"));
    }

    // ---- the session screen ----------------------------------------------------------------------

    @Test
    void membersCheckInAndAskForTheFloorTheChairGivesItAMotionIsSubmittedAndAMemberVotesThroughTheButtons() {
        Forum f = body(2, true);
        UserRef member = f.members.get(0);

        as(f.chair);
        navigate(SessionView.path(f.session), SessionView.class);
        click("forum-check-in-room");
        assertThat(state(f).viewer().checkedIn()).isEqualTo(AttendanceMode.ROOM);
        assertThat(attendanceRows(f)).isEqualTo(1);
        click("forum-start-item-" + f.item);
        assertThat(state(f).currentItem().id()).isEqualTo(f.item);
        assertThat($(H2.class).id("forum-current-item").getText()).isEqualTo(t("forum.live.current-item", 1, "Tłumaczenia"));

        as(member);
        navigate(SessionView.path(f.session), SessionView.class);
        assertThat($(Paragraph.class).id("forum-my-attendance").getText()).isEqualTo(t("forum.live.not-checked-in"));
        click("forum-check-in-remote");
        LiveState s = state(f);
        assertThat(s.viewer().checkedIn()).isEqualTo(AttendanceMode.REMOTE);
        assertThat(s.presentRoom()).isEqualTo(1);
        assertThat(s.presentRemote()).isEqualTo(1);
        assertThat($(Paragraph.class).id("forum-my-attendance").getText()).isEqualTo(t("forum.live.checked-in.REMOTE"));
        click("forum-request-speech");
        s = state(f);
        assertThat(s.queue()).extracting(LiveState.Speaker::name, LiveState.Speaker::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(member.displayName(), SpeechKind.SPEECH));
        assertThat(s.viewer().waitingRequest()).isEqualTo(s.queue().getFirst().id());
        assertThat($(OrderedList.class).id("forum-speakers").getElement().getTextRecursively()).contains(member.displayName());

        as(f.chair);
        navigate(SessionView.path(f.session), SessionView.class);
        click("forum-next-speaker");
        s = state(f);
        assertThat(s.speaking().name()).isEqualTo(member.displayName());
        assertThat(s.queue()).isEmpty();
        assertThat($(Paragraph.class).id("forum-speaking").getText())
                .isEqualTo(t("forum.live.speaking", member.displayName(), t("forum.speech.SPEECH")));

        as(member);
        navigate(SessionView.path(f.session), SessionView.class);
        String motion = "Wniosek o wydłużenie konsultacji " + UUID.randomUUID();
        test($(TextArea.class).id("forum-motion-text")).setValue(motion);
        click("forum-submit-motion");
        assertThat(state(f).motions()).filteredOn(m -> m.text().equals(motion))
                .extracting(LiveState.Motion::kind, LiveState.Motion::status, LiveState.Motion::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MotionKind.MOTION, MotionStatus.PENDING, member.displayName()));
        assertThat($(TextArea.class).id("forum-motion-text").getValue()).isEmpty();

        as(f.chair);
        navigate(SessionView.path(f.session), SessionView.class);
        click("forum-open-vote");
        LiveState.Vote vote = state(f).vote();
        assertThat(vote).isNotNull();
        assertThat(vote.motionKind()).as("the draft resolution is voted first").isEqualTo(MotionKind.RESOLUTION);
        assertThat(vote.motionText()).isEqualTo(DRAFT);
        assertThat(vote.secret()).isFalse();

        as(member);
        navigate(SessionView.path(f.session), SessionView.class);
        assertThat($(Paragraph.class).id("forum-my-vote").getText()).isEqualTo(t("forum.live.not-voted"));
        click("forum-vote-yes");
        s = state(f);
        assertThat(s.viewer().voted()).isTrue();
        assertThat(s.viewer().choice()).isEqualTo(Choice.YES);
        assertThat(s.vote().cast()).isEqualTo(1);
        assertThat(registeredVotes(vote.id())).isEqualTo(1);
        assertThat($(Paragraph.class).id("forum-my-vote").getText()).isEqualTo(t("forum.live.voted", t("forum.choice.YES")));

        as(f.chair);
        navigate(SessionView.path(f.session), SessionView.class);
        click("forum-vote-no");
        assertThat(state(f).vote().cast()).isEqualTo(2);
        click("forum-close-vote");
        s = state(f);
        assertThat(s.vote()).isNull();
        LiveState.Vote closed = s.closedVotes().getLast();
        assertThat(closed.id()).isEqualTo(vote.id());
        assertThat(List.of(closed.yes(), closed.no(), closed.abstain())).containsExactly(1, 1, 0);
        assertThat(closed.adopted()).as("a tie is not a simple majority").isFalse();
        assertThat($(UnorderedList.class).id("forum-results").getElement().getTextRecursively())
                .contains(t("forum.live.totals", 1, 1, 0) + " " + t("forum.live.rejected"));
    }

    @Test
    void anEmptyMotionIsRefusedWithATranslatedMessageAndNothingIsSaved() {
        Forum f = body(2, true);
        startedWithEveryonePresent(f);
        UserRef member = f.members.get(0);
        int motionsBefore = motionRows(f);

        as(member);
        navigate(SessionView.path(f.session), SessionView.class);
        test($(TextArea.class).id("forum-motion-text")).setValue("   \n  ");
        click("forum-submit-motion");
        assertThat(lastNotification()).isEqualTo(t("forum.error.motion-required"));
        assertThat(motionRows(f)).isEqualTo(motionsBefore);
        assertThat(state(f).motions()).extracting(LiveState.Motion::kind).containsExactly(MotionKind.RESOLUTION);
    }

    @Test
    void aSignedInNonMemberSeesTheSessionButHasNoMemberControlsAndCannotAct() {
        Forum f = body(2, true);
        startedWithEveryonePresent(f);
        f.as(f.members.get(0));
        live.requestFloor(f.session, SpeechKind.SPEECH);
        f.as(f.chair);
        long vote = live.openVote(f.session, null, null);
        TestUsers.signOut();

        // FORUM_MEMBER of some other body: the role alone does not make one a member here
        UserRef outsider = user("gosc");
        signIn(outsider.id(), outsider.username(), Role.RESIDENT, Role.FORUM_MEMBER);
        polish();
        navigate(SessionView.path(f.session), SessionView.class);
        assertThat($(H1.class).id("forum-session-heading").getText())
                .isEqualTo(t("forum.live.heading", 1, f.name));
        assertThat(shown(Button.class)).as("no member or chair controls").isEmpty();
        assertThat(shown(TextArea.class)).isEmpty();
        assertThat(shown(Checkbox.class)).isEmpty();
        assertThat(shown(Select.class)).isEmpty();
        assertThat($(OrderedList.class).id("forum-speakers").getElement().getTextRecursively())
                .contains(f.members.get(0).displayName());

        for (String id : List.of("forum-check-in-room", "forum-request-speech", "forum-vote-yes", "forum-next-speaker",
                "forum-open-vote", "forum-close-vote", "forum-submit-motion")) {
            assertThat($(Button.class).withId(id).exists()).as(id).isFalse();
            Button hidden = anywhere(Button.class, id);
            assertThat(test(hidden).isUsable()).as(id).isFalse();
            assertThatThrownBy(() -> test(hidden).click()).as(id).isInstanceOf(IllegalStateException.class);
        }
        int attendance = attendanceRows(f);
        assertThatThrownBy(() -> live.checkIn(f.session, AttendanceMode.ROOM)).isInstanceOf(AgoraException.class)
                .hasMessage("forum.error.not-member");
        assertThatThrownBy(() -> live.cast(vote, Choice.YES)).isInstanceOf(AgoraException.class)
                .hasMessage("forum.error.not-member");
        assertThat(attendanceRows(f)).isEqualTo(attendance);
        assertThat(registeredVotes(vote)).isZero();
        assertThat(state(f).vote().cast()).isZero();
        assertThat(state(f).viewer()).isNull();
    }

    @Test
    void aPlannedSessionIsNotFoundForOutsidersOnAnyScreen() {
        Forum f = body(1, false);

        UserRef outsider = user("ciekawska");
        signIn(outsider.id(), outsider.username(), Role.RESIDENT);
        polish();
        assertNotFound(SessionView.path(f.session));
        anonymous();
        polish();
        assertNotFound(GalleryView.path(f.session));
        assertNotFound(ProjectorView.path(f.session));
        assertNotFound(MinutesView.path(f.session));

        as(f.members.get(0));
        navigate(SessionView.path(f.session), SessionView.class);
        assertThat($(Paragraph.class).id("forum-session-status").getText()).isEqualTo(t("forum.status.PLANNED"));
    }

    // ---- gallery and projector -------------------------------------------------------------------

    @Test
    void theGalleryAndTheProjectorAreReadOnlyAndShowTheItemTheSpeakerTheOpenVoteAndTheResults() {
        Forum f = body(2, true);
        startedWithEveryonePresent(f);
        f.as(f.chair);
        long first = live.openVote(f.session, null, null);
        live.cast(first, Choice.YES);
        f.as(f.members.get(0));
        live.cast(first, Choice.YES);
        f.as(f.members.get(1));
        live.cast(first, Choice.NO);
        f.as(f.chair);
        live.closeVote(first);
        f.as(f.members.get(1));
        live.requestFloor(f.session, SpeechKind.SPEECH);
        String motion = "Wniosek o druk ulotek " + UUID.randomUUID();
        live.submitMotion(f.item, null, motion, UiLanguage.PL);
        f.as(f.chair);
        live.giveFloorToNext(f.session);
        live.openVote(f.session, null, null);
        TestUsers.signOut();
        String speaker = f.members.get(1).displayName();

        anonymous();
        polish();
        navigate(GalleryView.path(f.session), GalleryView.class);
        assertLiveBoard(f, speaker, motion);
        assertThat($(UnorderedList.class).id("forum-results").getElement().getTextRecursively())
                .as("the gallery shows the roll call of a closed open vote").contains(f.members.get(1).displayName() + ": " + t("forum.choice.NO"));
        long version = state(f).version();

        navigate(ProjectorView.path(f.session), ProjectorView.class);
        assertLiveBoard(f, speaker, motion);
        assertThat($(UnorderedList.class).id("forum-results").getElement().getTextRecursively())
                .as("the projector shows totals only").doesNotContain(f.members.get(0).displayName());

        // even the chair gets no controls on these screens
        as(f.chair);
        navigate(GalleryView.path(f.session), GalleryView.class);
        assertThat(shown(Button.class)).isEmpty();
        navigate(ProjectorView.path(f.session), ProjectorView.class);
        assertThat(shown(Button.class)).isEmpty();
        assertThat(state(f).version()).as("looking changes nothing").isEqualTo(version);
    }

    private void assertLiveBoard(Forum f, String speaker, String motion) {
        assertThat(shown(Button.class)).as("read-only: no buttons").isEmpty();
        assertThat(shown(TextArea.class)).isEmpty();
        assertThat(shown(TextField.class)).isEmpty();
        assertThat(shown(Checkbox.class)).isEmpty();
        assertThat(shown(Select.class)).isEmpty();
        assertThat($(H1.class).id("forum-session-heading").getText()).isEqualTo(t("forum.live.heading", 1, f.name));
        assertThat($(H2.class).id("forum-current-item").getText()).isEqualTo(t("forum.live.current-item", 1, "Tłumaczenia"));
        assertThat($(Paragraph.class).id("forum-speaking").getText())
                .isEqualTo(t("forum.live.speaking", speaker, t("forum.speech.SPEECH")));
        assertThat($(H2.class).id("forum-vote-heading").getText()).isEqualTo(t("forum.live.vote-open-roll-call"));
        assertThat($(Paragraph.class).id("forum-vote-motion").getText()).contains(motion);
        assertThat($(Paragraph.class).id("forum-vote-count").getText()).isEqualTo(t("forum.live.votes-cast", 0, 3));
        assertThat($(UnorderedList.class).id("forum-results").getElement().getTextRecursively())
                .contains(DRAFT + " — " + t("forum.live.totals", 2, 1, 0) + " " + t("forum.live.adopted"));
    }

    // ---- minutes ---------------------------------------------------------------------------------

    @Test
    void theSecretaryGeneratesAndEditsTheDraftAndAnEmptyEditIsRefusedKeepingTheOldText() {
        Forum f = body(1, true, true);
        closedAfterAnItem(f);

        as(f.secretary);
        navigate(MinutesView.path(f.session), MinutesView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("forum.minutes.none"));
        assertThat($(TextArea.class).withId("forum-minutes-edit").exists()).isFalse();
        click("forum-minutes-generate");
        MinutesDocument draft = minutes.minutes(f.session).orElseThrow();
        assertThat(draft.approved()).isFalse();
        assertThat(draft.text()).contains("# Obecność", f.members.get(0).displayName());
        assertThat($(TextArea.class).id("forum-minutes-edit").getValue()).isEqualTo(draft.text());
        assertThat(minutesHtml()).contains("<h2>Obecno");

        test($(TextArea.class).id("forum-minutes-edit")).setValue("  \n ");
        click("forum-minutes-save");
        assertThat(lastNotification()).isEqualTo(t("forum.error.minutes-empty"));
        assertThat(minutes.minutes(f.session).orElseThrow().text()).as("the old text stays").isEqualTo(draft.text());

        String edited = "# Obecność\n- " + f.members.get(0).displayName() + "\nPoprawka sekretarza " + UUID.randomUUID();
        test($(TextArea.class).id("forum-minutes-edit")).setValue(edited);
        click("forum-minutes-save");
        assertThat(minutes.minutes(f.session).orElseThrow().text()).isEqualTo(edited);
        assertThat(minutesHtml()).contains("Poprawka sekretarza");

        // an ordinary member reads the draft but may not generate or edit it
        as(f.members.get(0));
        navigate(MinutesView.path(f.session), MinutesView.class);
        assertThat(minutesHtml()).contains("Poprawka sekretarza");
        assertThat(shown(Button.class)).isEmpty();
        assertThat($(TextArea.class).withId("forum-minutes-edit").exists()).isFalse();
    }

    @Test
    void anonymousVisitorsSeeMinutesOnlyOnceApprovedNeverTheDraft() {
        Forum f = body(1, true, true);
        closedAfterAnItem(f);
        f.as(f.secretary);
        String text = "# Przebieg\nTekst projektu " + UUID.randomUUID();
        minutes.generate(f.session);
        minutes.edit(f.session, text);
        TestUsers.signOut();

        anonymous();
        polish();
        navigate(MinutesView.path(f.session), MinutesView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("forum.minutes.none"));
        assertThat($(MinutesView.class).single().getElement().getTextRecursively()).doesNotContain("Tekst projektu");
        assertThat($(Div.class).withId("forum-minutes-text").exists()).isFalse();
        assertThat($(Anchor.class).withId("forum-minutes-pdf").exists()).isFalse();
        assertThat(shown(Button.class)).isEmpty();

        // the chair approves them at the next session, on the session screen
        long next = scheduled(f, 2);
        f.as(f.chair);
        forum.publishAgenda(next);
        live.open(next);
        as(f.chair);
        navigate(SessionView.path(next), SessionView.class);
        click("forum-approve-minutes-" + f.session);
        f.as(f.chair);
        assertThat(minutes.minutes(f.session).orElseThrow().approved()).isTrue();

        anonymous();
        polish();
        navigate(MinutesView.path(f.session), MinutesView.class);
        assertThat($(Paragraph.class).id("forum-minutes-state").getText()).isEqualTo(t("forum.minutes.approved", 2));
        assertThat(minutesHtml()).contains("Tekst projektu");
        assertThat($(Anchor.class).id("forum-minutes-pdf").getText()).isEqualTo(t("forum.minutes.pdf"));
        assertThat(shown(Button.class)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A body with a chair and {@code memberCount} members; session 1 with one item, published and opened if asked. */
    private Forum body(int memberCount, boolean open) {
        return body(memberCount, open, false);
    }

    private Forum body(int memberCount, boolean open, boolean withSecretary) {
        asAdmin();
        String name = "Forum widoków " + UUID.randomUUID();
        long body = forum.createBody(name, new Statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true, 120));
        LocalDate start = LocalDate.of(2020, 1, 1);
        UserRef chair = user("przewodniczaca");
        forum.addMember(body, chair, MemberRole.CHAIR, start, null);
        UserRef secretary = null;
        if (withSecretary) {
            secretary = user("sekretarz");
            forum.addMember(body, secretary, MemberRole.SECRETARY, start, null);
        }
        List<UserRef> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            UserRef m = user("czlonkini" + i);
            forum.addMember(body, m, MemberRole.MEMBER, start, null);
            members.add(m);
        }
        long session = forum.scheduleSession(body, 1, Instant.now().plus(1, ChronoUnit.DAYS), "Sala Obrad", true);
        long item = forum.addAgendaItem(session, new NewAgendaItem("Tłumaczenia", "Informacje miejskie w wielu językach",
                "Referentka", DRAFT), UiLanguage.PL);
        Forum f = new Forum(body, name, session, item, chair, secretary, members);
        if (open) {
            forum.publishAgenda(session);
            f.as(chair);
            live.open(session);
        }
        TestUsers.signOut();
        return f;
    }

    /** A test's own body; secretary is null unless asked for (it would count towards the quorum). */
    private record Forum(long bodyId, String name, long session, long item, UserRef chair, @Nullable UserRef secretary,
            List<UserRef> members) {

        void as(UserRef user) {
            TestUsers.signIn(user.id(), user.username(), Role.RESIDENT, Role.FORUM_MEMBER);
        }
    }

    private long scheduled(Forum f, int number) {
        asAdmin();
        long id = forum.scheduleSession(f.bodyId, number, Instant.now().plus(number, ChronoUnit.DAYS), "Sala Obrad", true);
        TestUsers.signOut();
        return id;
    }

    private void startedWithEveryonePresent(Forum f) {
        f.as(f.chair);
        live.checkIn(f.session, AttendanceMode.ROOM);
        for (UserRef m : f.members) {
            f.as(m);
            live.checkIn(f.session, AttendanceMode.ROOM);
        }
        f.as(f.chair);
        live.startItem(f.item);
        TestUsers.signOut();
    }

    private void closedAfterAnItem(Forum f) {
        startedWithEveryonePresent(f);
        f.as(f.chair);
        live.close(f.session);
        assertThat(forum.session(f.session).status()).isEqualTo(SessionStatus.CLOSED);
        TestUsers.signOut();
    }

    private static UserRef user(String name) {
        long id = USERS.incrementAndGet();
        return new UserRef(id, name + "-" + id, "Osoba " + name + " " + id);
    }

    private static void asAdmin() {
        TestUsers.signIn(USERS.incrementAndGet(), "admin-forum-views", Role.RESIDENT, Role.ADMIN);
    }

    /** Signs in as the user (a fresh Vaadin session) and reads in Polish. */
    private void as(UserRef user) {
        signIn(user.id(), user.username(), Role.RESIDENT, Role.FORUM_MEMBER);
        polish();
    }

    private static void polish() {
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    /** The state as the signed-in user of the current Vaadin session sees it, read from the database. */
    private LiveState state(Forum f) {
        return live.state(f.session);
    }

    private int attendanceRows(Forum f) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_attendance WHERE session_id = :s AND left_at IS NULL")
                .param("s", f.session).query(Integer.class).single();
    }

    private int motionRows(Forum f) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_motion WHERE item_id = :i").param("i", f.item)
                .query(Integer.class).single();
    }

    private int registeredVotes(long vote) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_vote_register WHERE vote_id = :v").param("v", vote)
                .query(Integer.class).single();
    }

    private void click(String buttonId) {
        Button button = $(Button.class).id(buttonId);
        if (buttonId.startsWith("forum-vote-") || buttonId.equals("forum-close-vote")) {
            // as the browser sends these clicks: with the id of the vote the screen shows (data-vote)
            tools.jackson.databind.node.ObjectNode data = com.vaadin.flow.internal.JacksonUtils.createObjectNode();
            data.put("element.dataset.vote", button.getElement().getAttribute("data-vote"));
            button.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                    .fireEvent(new com.vaadin.flow.dom.DomEvent(button.getElement(), "click", data));
            return;
        }
        test(button).click();
    }

    private Section section(String bodyName) {
        return $(Section.class).all().stream()
                .filter(s -> $(H2.class, s).all().stream().anyMatch(h -> h.getText().equals(bodyName)))
                .findFirst().orElseThrow(() -> new AssertionError("no section for " + bodyName));
    }

    private List<String> hrefs(Component root) {
        return $(Anchor.class, root).all().stream().map(Anchor::getHref).toList();
    }

    /** Components of the type in the current view that a user can see (themselves and every parent visible). */
    private <T extends Component> List<T> shown(Class<T> type) {
        return $(type, (Component) getCurrentView()).all().stream().filter(ForumViewsIT::visible).toList();
    }

    /** A component of the view by id, visible or not (the query finds visible ones only). */
    private <T extends Component> T anywhere(Class<T> type, String id) {
        return descendants((Component) getCurrentView()).filter(type::isInstance).map(type::cast)
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + id));
    }

    private static java.util.stream.Stream<Component> descendants(Component root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                root.getChildren().flatMap(ForumViewsIT::descendants));
    }

    /** The minutes as the page renders them (an HTML fragment, so not in the element tree's text). */
    private String minutesHtml() {
        return $(Html.class, $(Div.class).id("forum-minutes-text")).single().getInnerHtml();
    }

    private static boolean visible(Component c) {
        for (Component x = c; x != null; x = x.getParent().orElse(null)) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String lastNotification() {
        List<Notification> all = $(Notification.class).all();
        return all.isEmpty() ? "" : test(all.getLast()).getText();
    }

    private void assertNotFound(String location) {
        UI.getCurrent().navigate(location);
        assertThat($(H1.class).first().getText()).as(location).isEqualTo(t("shell.error.not-found.title"));
    }
}
