package pl.krakow.agora.forum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.forum.AgendaItem;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.MemberRole;
import pl.krakow.agora.forum.Statute;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserDirectory;

/**
 * Issue 7, item 2 in Chromium: the chair prepares the agenda by keyboard (a new item), attaches a
 * paper, is told in words why a renamed file is refused, publishes the agenda; a member's proposal
 * is accepted; the public gallery then offers the paper, and what it downloads is the uploaded file.
 * axe-core checks the chair's agenda page in Polish and in Ukrainian.
 */
class AgendaBrowserIT extends AgoraBrowserTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ForumService forum;
    @Autowired
    UserDirectory users;

    @Test
    void theChairPreparesTheAgendaWithAPaperAndTheGalleryOffersIt() throws IOException {
        TestUsers.signIn(9_910_001L, "admin-test", Role.ADMIN);
        long body = forum.createBody("Forum porządku obrad " + UUID.randomUUID(),
                new Statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true, 120));
        LocalDate start = LocalDate.of(2025, 1, 1);
        forum.addMember(body, users.byUsername("admin").orElseThrow(), MemberRole.CHAIR, start, null);
        forum.addMember(body, users.byUsername("radny").orElseThrow(), MemberRole.MEMBER, start, null);
        long session = forum.scheduleSession(body, 1, Instant.now().plus(7, ChronoUnit.DAYS), "Sala Obrad", true);
        TestUsers.signOut();

        try (BrowserContext chairCtx = newContext("pl-PL"); BrowserContext radnyCtx = newContext("pl-PL");
                BrowserContext ukCtx = newContext("uk-UA"); BrowserContext galleryCtx = newContext("pl-PL")) {
            Page radny = radnyCtx.newPage();
            signIn(radny, "radny");
            radny.navigate(baseUrl() + "/" + SessionView.path(session));
            radny.locator("#forum-propose-title input").fill("Dzień kultury romskiej");
            radny.locator("#forum-propose-send").click();
            radny.waitForSelector("vaadin-notification-card");
            radny.navigate(baseUrl() + "/" + AgendaView.path(session));
            radny.waitForSelector("h1");
            assertThat(radny.locator("#forum-agenda-items").count()).as("a member does not prepare the agenda").isZero();
            // but sees his own proposal, to which he may add papers until the chair decides
            assertThat(radny.locator("#forum-my-proposals").textContent()).contains("Dzień kultury romskiej");
            radny.locator("#forum-my-proposals input[type=file]").setInputFiles(new FilePayload("program.pdf",
                    "application/pdf", PDF));
            radny.waitForSelector("#forum-my-proposals .forum-attachments a");
            assertNoSeriousAxeViolations(radny, "a member's own proposals");

            Page chair = chairCtx.newPage();
            signIn(chair, "admin");
            chair.navigate(baseUrl() + "/" + SessionView.path(session));
            chair.locator("#forum-to-agenda").click();
            chair.waitForSelector("#forum-new-item-title");

            // a new item, typed and sent with the keyboard only
            chair.locator("#forum-new-item-title input").focus();
            chair.keyboard().type("Tłumaczenie komunikatów miejskich");
            chair.keyboard().press("Tab");
            chair.keyboard().type("Aram Petrosjan");
            chair.locator("#forum-new-item-add").focus();
            chair.keyboard().press("Enter");
            chair.waitForFunction("() => document.querySelector('#forum-agenda-items').textContent"
                    + ".includes('Tłumaczenie komunikatów miejskich')");
            long item = agendaItem(session, "Tłumaczenie komunikatów miejskich");

            // a picture renamed to .pdf is refused in words, and nothing is stored
            chair.locator("#forum-attach-" + item + " input[type=file]").setInputFiles(new FilePayload("uchwala.pdf",
                    "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}));
            chair.waitForFunction("() => [...document.querySelectorAll('vaadin-notification-card')]"
                    + ".some(e => e.textContent.includes('nazwa pliku musi odpowiadać'))");
            assertThat(chair.locator("#forum-agenda-item-" + item + " .forum-attachments").count()).isZero();

            chair.locator("#forum-attach-" + item + " input[type=file]").setInputFiles(new FilePayload(
                    "komunikaty-2027.pdf", "application/pdf", PDF));
            chair.waitForSelector("#forum-agenda-item-" + item + " .forum-attachments a");
            assertThat(chair.locator("#forum-agenda-item-" + item + " .forum-attachments").textContent())
                    .contains("komunikaty-2027.pdf").contains("PDF");

            long proposal = agendaItem(session, "Dzień kultury romskiej");
            chair.locator("#forum-accept-" + proposal).click();
            chair.waitForFunction("id => !document.querySelector('#forum-accept-' + id)", (double) proposal);
            assertNoSeriousAxeViolations(chair, "the chair's agenda page");
            screenshot(chair, "forum-agenda-chair.png");
            chair.locator("#forum-agenda-publish").click();
            chair.waitForFunction("() => !document.querySelector('#forum-agenda-publish')");

            Page uk = ukCtx.newPage();
            signIn(uk, "admin");
            uk.navigate(baseUrl() + "/" + AgendaView.path(session));
            uk.waitForSelector("#forum-agenda-items");
            assertThat(uk.locator("h1").textContent()).startsWith("Порядок денний сесії № 1");
            assertThat(uk.locator("#forum-agenda-items").textContent()).contains("Dzień kultury romskiej");
            assertNoSeriousAxeViolations(uk, "the agenda page in Ukrainian");
            screenshot(uk, "forum-agenda-uk.png");

            Page gallery = open(galleryCtx, "/" + GalleryView.path(session));
            gallery.waitForSelector("#forum-agenda .forum-attachments a");
            Download download = gallery.waitForDownload(() -> gallery.locator("#forum-agenda .forum-attachments a:has-text('komunikaty-2027.pdf')")
                    .click());
            assertThat(Files.readAllBytes(download.path())).as("the paper the public gets is the one uploaded").isEqualTo(PDF);
            assertThat(download.suggestedFilename()).isEqualTo("komunikaty-2027.pdf");
            assertNoSeriousAxeViolations(gallery, "the gallery with the agenda's papers");
        }
    }

    private long agendaItem(long session, String title) {
        TestUsers.signIn(9_910_002L, "admin-test", Role.ADMIN);
        try {
            return forum.agenda(session).stream().filter(i -> i.title().equals(title)).mapToLong(AgendaItem::id)
                    .findFirst().orElseThrow();
        } finally {
            TestUsers.signOut();
        }
    }
}
