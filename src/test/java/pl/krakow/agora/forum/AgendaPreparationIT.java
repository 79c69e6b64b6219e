package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LanguagePair;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslationQueue;
import pl.krakow.agora.translation.TranslationTaskView;
import pl.krakow.agora.translation.TranslationWork;

/**
 * Issue 7, item 2 and "in their language": the chair prepares the agenda (order, proposals, papers),
 * the papers are checked by their own bytes and reach exactly the readers who may see the item, and
 * an item written in Ukrainian is shown in Polish once a translation is approved, its draft
 * resolution too when it is put to the vote.
 */
@AgoraIntegrationTest
class AgendaPreparationIT {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    ForumAttachments attachments;
    @Autowired
    ForumTexts texts;
    @Autowired
    TranslationQueue queue;
    @Autowired
    TranslationWork work;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForumMinutes minutes;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** A body whose next session (no. 2) is still being prepared, with two items on its agenda. */
    private record Prepared(ForumFixture f, long session, long first, long second) {
    }

    private Prepared prepared() {
        ForumFixture f = ForumFixture.create(forum, live, 2,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        f.as(f.chair);
        long session = forum.scheduleSession(f.bodyId, 2, Instant.now().plus(14, ChronoUnit.DAYS), "Sala Obrad", true);
        long first = forum.addAgendaItem(session, new NewAgendaItem("Przyjęcie protokołu", "", "", ""), UiLanguage.PL);
        long second = forum.addAgendaItem(session, new NewAgendaItem("Budżet na tłumaczenia", "Wniosek komisji",
                "Sekretarz", ""), UiLanguage.PL);
        TestUsers.signOut();
        return new Prepared(f, session, first, second);
    }

    @Test
    void theChairOrdersTheAgendaAndAttachesPapersThatTheirOwnBytesVouchFor() {
        Prepared p = prepared();
        ForumFixture f = p.f();
        f.as(f.members.get(0));
        assertThat(forum.mayPrepare(p.session())).isFalse();
        assertThatThrownBy(() -> forum.moveItem(p.second(), true)).hasMessage("forum.error.not-chair");
        assertThatThrownBy(() -> attachments.attach(p.first(), "protokol.pdf", PDF)).hasMessage("forum.error.not-chair");

        f.as(f.chair);
        assertThat(forum.mayPrepare(p.session())).isTrue();
        forum.moveItem(p.second(), true);
        assertThat(forum.agenda(p.session())).extracting(AgendaItem::id).containsExactly(p.second(), p.first());
        assertThatThrownBy(() -> forum.moveItem(p.second(), true)).hasMessage("forum.error.cannot-move");

        long paper = attachments.attach(p.second(), "budzet-2027.pdf", PDF);
        attachments.attach(p.second(), "mapa.png", PNG);
        long docx = attachments.attach(p.first(), "protokol.docx", docx());
        assertThat(attachments.ofSession(p.session()).get(p.first())).singleElement()
                .satisfies(a -> assertThat(a.mediaType()).isEqualTo(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThatThrownBy(() -> attachments.attach(p.first(), "wirus.pdf", "MZ\u0090\u0000 not a pdf".getBytes(
                StandardCharsets.ISO_8859_1))).hasMessage("forum.error.attachment-type");
        assertThatThrownBy(() -> attachments.attach(p.first(), "przemianowany.pdf", PNG))
                .as("a picture renamed to .pdf").hasMessage("forum.error.attachment-type");
        assertThatThrownBy(() -> attachments.attach(p.first(), "pusty.pdf", new byte[0]))
                .hasMessage("forum.error.attachment-size");
        byte[] big = new byte[ForumAttachments.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> attachments.attach(p.first(), "duzy.pdf", big)).hasMessage("forum.error.attachment-size");
        assertThat(count(p.first())).as("nothing refused was stored").isEqualTo(1);

        ForumAttachments.File file = attachments.file(paper);
        assertThat(file.content()).isEqualTo(PDF);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(attachments.ofSession(p.session()).get(p.second())).extracting(Attachment::sha256)
                .first().isEqualTo(LiveSession.sha256(new String(PDF, StandardCharsets.ISO_8859_1)));

        TestUsers.signOut();
        assertThatThrownBy(() -> attachments.file(paper)).as("the agenda is not public before it is published")
                .hasMessage("forum.error.no-attachment");
        f.as(f.chair);
        forum.publishAgenda(p.session());
        attachments.remove(docx);
        TestUsers.signOut();
        assertThat(attachments.file(paper).content()).as("published: anyone may read the papers").isEqualTo(PDF);
        assertThatThrownBy(() -> attachments.file(docx)).hasMessage("forum.error.no-attachment");
        assertThat(live.state(p.session()).attachments().get(p.second())).extracting(Attachment::fileName)
                .containsExactly("budzet-2027.pdf", "mapa.png");
    }

    @Test
    void aMembersProposalAndItsPapersStayWithTheBodyUntilTheChairAcceptsIt() {
        Prepared p = prepared();
        ForumFixture f = p.f();
        f.as(f.members.get(1));
        long proposal = forum.proposeAgendaItem(p.session(), new NewAgendaItem("Dzień kultury romskiej",
                "Propozycja wydarzenia w Nowej Hucie", "", ""), UiLanguage.PL);
        long paper = attachments.attach(proposal, "program.pdf", PDF);
        assertThat(attachments.mayAttach(proposal)).isTrue();
        f.as(f.members.get(0));
        assertThatThrownBy(() -> attachments.attach(proposal, "inny.pdf", PDF)).hasMessage("forum.error.not-chair");
        assertThat(attachments.file(paper).content()).as("members see proposals and their papers").isEqualTo(PDF);
        f.as(f.chair);
        forum.publishAgenda(p.session());
        TestUsers.signOut();
        assertThatThrownBy(() -> attachments.file(paper)).as("the public does not see a proposal")
                .hasMessage("forum.error.no-attachment");
        assertThat(attachments.ofSession(p.session())).doesNotContainKey(proposal);
        f.as(f.members.get(0));
        long refused = forum.proposeAgendaItem(p.session(), new NewAgendaItem("Punkt odrzucony", "", "", ""),
                UiLanguage.PL);
        f.as(f.chair);
        forum.decideProposal(refused, false);
        forum.decideProposal(proposal, true);
        forum.moveItem(proposal, true);
        assertThat(forum.agenda(p.session())).as("numbers run over the items on the agenda only")
                .extracting(AgendaItem::id, AgendaItem::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p.first(), 1),
                        org.assertj.core.groups.Tuple.tuple(proposal, 2),
                        org.assertj.core.groups.Tuple.tuple(p.second(), 3),
                        org.assertj.core.groups.Tuple.tuple(refused, 0));
        f.as(f.members.get(1));
        assertThat(attachments.mayAttach(proposal)).as("once accepted the item is the chair's").isFalse();
        TestUsers.signOut();
        assertThat(attachments.file(paper).content()).isEqualTo(PDF);
    }

    @Test
    void anItemWrittenInUkrainianIsShownInPolishOnceATranslationIsApprovedAndSoIsItsDraftWhenVotedOn() {
        ForumFixture f = ForumFixture.create(forum, live, 2,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        f.as(f.chair);
        String title = "Підтримка українських шкіл суботнього дня у Кракові";
        String draft = "Форум рекомендує місту фінансувати приміщення для суботніх шкіл.";
        long item = forum.addAgendaItem(f.sessionId, new NewAgendaItem(title,
                "Пропозиція громадських організацій, які працюють з дітьми.", "", draft), UiLanguage.UK);
        approve(ForumService.itemRef(item), "Wsparcie ukraińskich szkół sobotnich w Krakowie");
        approve(ForumService.draftRef(item), "Forum zaleca miastu finansowanie sal dla szkół sobotnich.");

        AgendaItem shownItem = forum.agenda(f.sessionId).stream().filter(i -> i.id() == item).findFirst().orElseThrow();
        var shown = texts.agenda(java.util.List.of(shownItem), UiLanguage.PL);
        LocalizedText titleShown = shown.get(ForumService.itemRef(item));
        assertThat(titleShown.text()).isEqualTo("Wsparcie ukraińskich szkół sobotnich w Krakowie");
        assertThat(titleShown.original()).isEqualTo(title);
        assertThat(titleShown.originalLanguage()).isEqualTo("uk");
        assertThat(texts.agenda(java.util.List.of(shownItem), UiLanguage.UK).get(ForumService.itemRef(item)).text())
                .as("a Ukrainian reader gets the original").isEqualTo(title);
        assertThat(shown.get(ForumService.descriptionRef(item)).translationPending())
                .as("the description is not translated yet").isTrue();

        f.everyoneChecksIn(live);
        f.as(f.chair);
        live.startItem(item);
        LiveState state = live.state(f.sessionId);
        LiveState.Motion resolution = state.motions().stream().filter(m -> m.kind() == MotionKind.RESOLUTION)
                .findFirst().orElseThrow();
        assertThat(resolution.textRef()).isEqualTo(ForumService.draftRef(item));
        assertThat(texts.motions(state.motions(), UiLanguage.PL).get(resolution.textRef()).text())
                .isEqualTo("Forum zaleca miastu finansowanie sal dla szkół sobotnich.");
        long voteId = live.openVote(f.sessionId, null, null);
        LiveState.Vote vote = live.state(f.sessionId).vote();
        assertThat(texts.votes(java.util.List.of(vote), UiLanguage.PL).get(vote.textRef()).text())
                .isEqualTo("Forum zaleca miastu finansowanie sal dla szkół sobotnich.");
        f.as(f.members.get(0));
        live.requestFloor(f.sessionId, SpeechKind.SPEECH);
        long motion = live.submitMotion(item, null, "Прошу додати до ухвали бібліотеки.", UiLanguage.UK);
        for (var member : f.members) {
            f.as(member);
            live.cast(voteId, Choice.YES);
        }
        f.as(f.chair);
        live.closeVote(voteId);
        live.close(f.sessionId);
        await().atMost(Duration.ofSeconds(60)).until(() -> !queue.tasksFor(ForumService.motionRef(motion)).isEmpty());
        String record = minutes.generate(f.sessionId).text();
        assertThat(record)
                .as("the minutes quote the member's words and add the approved Polish translation")
                .contains(title + "\nTłumaczenie (oryginał: ukraiński): Wsparcie ukraińskich szkół sobotnich w Krakowie")
                .contains(": " + draft + "\nTłumaczenie (oryginał: ukraiński): Forum zaleca miastu finansowanie sal")
                .contains("Głosowanie jawne: za 2, przeciw 0, wstrzymało się 0 — PRZYJĘTO")
                .contains("Прошу додати до ухвали бібліотеки.\nTekst w oryginale (ukraiński); tłumaczenie w toku.")
                .contains("Wniosek #" + motion + ", autor: ");
    }

    /** Two volunteer translators: one translates into Polish, the other approves. */
    private void approve(ContentRef ref, String polish) {
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).stream()
                .anyMatch(t -> t.targetLanguage().equals("pl")));
        long task = queue.tasksFor(ref).stream().filter(t -> t.targetLanguage().equals("pl"))
                .mapToLong(TranslationTaskView::id).findFirst().orElseThrow();
        TestUsers.signIn(9_800_001, "forum-tlumacz-1", Role.RESIDENT, Role.TRANSLATOR);
        work.addPair(new LanguagePair("uk", "pl"));
        assertThat(queue.claim(task)).isTrue();
        work.submit(task, polish);
        TestUsers.signIn(9_800_002, "forum-tlumacz-2", Role.RESIDENT, Role.TRANSLATOR);
        work.addPair(new LanguagePair("uk", "pl"));
        work.approve(task);
        TestUsers.signOut();
    }

    private int count(long itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_attachment WHERE item_id = :i").param("i", itemId)
                .query(Integer.class).single();
    }

    /** The smallest Word document the sniffer must know: a zip with a word/document.xml part. */
    private static byte[] docx() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
