package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Issue 7, item 9 and item 2: minutes generated from the record, edited, approved at the next
 * session and then public as HTML and PDF; members' proposals and motions go to translation.
 */
@AgoraIntegrationTest
@RecordApplicationEvents
class MinutesAndProposalsIT {

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    ForumMinutes minutes;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void minutesComeFromTheRecordAreEditedAndBecomePublicOnceApprovedAtTheNextSession() {
        ForumFixture f = ForumFixture.create(forum, live, 3,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        f.everyoneChecksIn(live);
        f.as(f.chair);
        live.startItem(f.itemId);
        f.as(f.members.get(0));
        live.requestFloor(f.sessionId, SpeechKind.SPEECH);
        f.as(f.chair);
        live.giveFloorToNext(f.sessionId);
        long vote = live.openVote(f.sessionId, null, null);
        for (int i = 0; i < 3; i++) {
            f.as(f.members.get(i));
            live.cast(vote, i < 2 ? Choice.YES : Choice.NO);
        }
        f.as(f.chair);
        live.closeVote(vote);
        f.as(f.members.get(0));
        assertThatThrownBy(() -> minutes.generate(f.sessionId)).hasMessage("forum.error.not-secretary");
        f.as(f.chair);
        assertThatThrownBy(() -> minutes.generate(f.sessionId)).hasMessage("forum.error.minutes-session-not-closed");
        live.close(f.sessionId);
        MinutesDocument draft = minutes.generate(f.sessionId);
        assertThat(draft.approved()).isFalse();
        assertThat(draft.text())
                .contains("# Obecność")
                .contains(f.members.get(0).displayName() + " (członek/członkini): obecny/a na sali")
                .contains("Głos zabrali:\n- " + f.members.get(0).displayName())
                .contains("Głosowanie jawne: za 2, przeciw 1, wstrzymało się 0 — PRZYJĘTO")
                .contains("- " + f.members.get(2).displayName() + ": przeciw")
                .contains("Przyjęty tekst: Forum postanawia przyjąć stanowisko.");
        TestUsers.signOut();
        assertThat(minutes.minutes(f.sessionId)).as("a draft is not public").isEmpty();

        f.as(f.chair);
        minutes.edit(f.sessionId, draft.text() + "\nUwagi: <script>alert(1)</script> Дякуємо за участь.");
        assertThatThrownBy(() -> minutes.edit(f.sessionId, "  ")).hasMessage("forum.error.minutes-empty");
        String html = ForumMinutes.html(minutes.minutes(f.sessionId).orElseThrow().text());
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>").contains("<h2>Obecność</h2>");
        byte[] pdf = ForumMinutes.pdf("Protokół", minutes.minutes(f.sessionId).orElseThrow().text());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(1000);

        asAdminSchedulesTheNextSession(f);
        f.as(f.chair);
        assertThat(minutes.awaitingApproval(f.sessionId + 0)).isEmpty();
        long next = nextSessionId;
        assertThatThrownBy(() -> minutes.approve(f.sessionId, next)).hasMessage("forum.error.minutes-approve-where");
        live.open(next);
        assertThat(minutes.awaitingApproval(next)).extracting(SessionSummary::id).containsExactly(f.sessionId);
        minutes.approve(f.sessionId, next);
        assertThatThrownBy(() -> minutes.edit(f.sessionId, "zmiana")).hasMessage("forum.error.minutes-not-draft");
        TestUsers.signOut();
        MinutesDocument published = minutes.minutes(f.sessionId).orElseThrow();
        assertThat(published.approved()).isTrue();
        assertThat(published.approvedAtSessionNumber()).isEqualTo(2);
    }

    @Test
    void membersProposeItemsAndMotionsInAdvanceAndTheTextsGoToTranslation() {
        ForumFixture f = ForumFixture.create(forum, live, 2,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        asAdminSchedulesTheNextSession(f);
        long next = nextSessionId;
        f.as(f.members.get(0));
        long proposed = forum.proposeAgendaItem(next, new NewAgendaItem("Dzień kultury ormiańskiej",
                "Propozycja wydarzenia", "", ""), UiLanguage.PL);
        assertThatThrownBy(() -> forum.proposeAgendaItem(f.sessionId, new NewAgendaItem("Za późno", "", "", ""),
                UiLanguage.PL)).hasMessage("forum.error.proposals-closed");
        assertThatThrownBy(() -> forum.proposeAgendaItem(next, new NewAgendaItem(" ", "", "", ""), UiLanguage.PL))
                .hasMessage("forum.error.title-required");
        TestUsers.signOut();
        assertThat(forum.agenda(next)).as("the public does not see proposals").extracting(AgendaItem::id)
                .doesNotContain(proposed);
        f.as(f.members.get(1));
        assertThatThrownBy(() -> forum.decideProposal(proposed, true)).hasMessage("forum.error.not-chair");
        f.as(f.chair);
        forum.decideProposal(proposed, true);
        f.as(f.members.get(1));
        long motion = live.submitMotion(proposed, null, "Пропоную провести день культури.", UiLanguage.UK);
        TestUsers.signOut();
        assertThat(forum.agenda(next)).extracting(AgendaItem::id).contains(proposed);

        assertThat(events.stream(ContentSubmitted.class))
                .anySatisfy(e -> {
                    assertThat(e.content()).isEqualTo(ForumService.itemRef(proposed));
                    assertThat(e.text()).isEqualTo("Dzień kultury ormiańskiej");
                    assertThat(e.authorId()).isEqualTo(f.members.get(0).id());
                })
                .anySatisfy(e -> {
                    assertThat(e.content()).isEqualTo(ForumService.descriptionRef(proposed));
                    assertThat(e.text()).isEqualTo("Propozycja wydarzenia");
                })
                .anySatisfy(e -> {
                    assertThat(e.content()).isEqualTo(ForumService.motionRef(motion));
                    assertThat(e.authorLanguage()).isEqualTo("uk");
                });
    }

    private long nextSessionId;

    private void asAdminSchedulesTheNextSession(ForumFixture f) {
        ForumFixture.asAdmin();
        nextSessionId = forum.scheduleSession(f.bodyId, 2, Instant.now().plus(30, ChronoUnit.DAYS), "Sala Obrad", true);
        forum.addAgendaItem(nextSessionId, new NewAgendaItem("Przyjęcie protokołu", "", "", ""), UiLanguage.PL);
        forum.publishAgenda(nextSessionId);
        TestUsers.signOut();
    }
}
