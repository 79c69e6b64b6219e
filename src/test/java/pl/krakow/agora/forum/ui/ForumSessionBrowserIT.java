package pl.krakow.agora.forum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.LiveSession;
import pl.krakow.agora.forum.MemberRole;
import pl.krakow.agora.forum.NewAgendaItem;
import pl.krakow.agora.forum.Statute;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserDirectory;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Issue 7 in Chromium: the chair (admin) and three members — radny, mieszkanka in Ukrainian, and
 * tlumacz by keyboard only — run a short session (open, check-in, speakers list, a motion, a vote),
 * watched by the public gallery and the room's projector. After each change every context must show
 * the new version of the session within one second of its commit. axe-core checks the member,
 * chair, gallery and projector screens.
 */
class ForumSessionBrowserIT extends AgoraBrowserTest {

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    UserDirectory users;

    private final List<Long> latencies = new ArrayList<>();

    @Test
    void aChairAndThreeMembersRunAShortSessionAndEveryScreenFollowsWithinASecond() {
        TestUsers.signIn(9_900_001L, "admin-test", Role.ADMIN);
        long body = forum.createBody("Forum przeglądarkowe " + UUID.randomUUID(),
                new Statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true, 120));
        LocalDate start = LocalDate.of(2025, 1, 1);
        forum.addMember(body, users.byUsername("admin").orElseThrow(), MemberRole.CHAIR, start, null);
        forum.addMember(body, users.byUsername("radny").orElseThrow(), MemberRole.MEMBER, start, null);
        forum.addMember(body, users.byUsername("mieszkanka").orElseThrow(), MemberRole.MEMBER, start, null);
        forum.addMember(body, users.byUsername("tlumacz").orElseThrow(), MemberRole.MEMBER, start, null);
        long session = forum.scheduleSession(body, 1, Instant.now().plus(1, ChronoUnit.HOURS), "Sala Obrad", true);
        long item = forum.addAgendaItem(session, new NewAgendaItem("Dostępność informacji miejskich",
                "Dyskusja o tłumaczeniu komunikatów.", "Aram Petrosjan", ""), UiLanguage.PL);
        forum.publishAgenda(session);
        TestUsers.signOut();

        try (BrowserContext chairCtx = newContext("pl-PL"); BrowserContext radnyCtx = newContext("pl-PL");
                BrowserContext ukCtx = newContext("uk-UA"); BrowserContext keyCtx = newContext("pl-PL");
                BrowserContext galleryCtx = newContext("pl-PL"); BrowserContext projectorCtx = newContext("pl-PL")) {
            Page chair = member(chairCtx, "admin", session);
            Page radny = member(radnyCtx, "radny", session);
            Page uk = member(ukCtx, "mieszkanka", session);
            Page key = member(keyCtx, "tlumacz", session);
            Page gallery = open(galleryCtx, "/" + GalleryView.path(session));
            Page projector = open(projectorCtx, "/" + ProjectorView.path(session));
            watchVersions(gallery);
            watchVersions(projector);
            Map<String, Page> all = new LinkedHashMap<>();
            all.put("chair", chair);
            all.put("radny", radny);
            all.put("mieszkanka (uk)", uk);
            all.put("tlumacz (keyboard)", key);
            all.put("gallery", gallery);
            all.put("projector", projector);
            assertThat(uk.locator("#forum-session-status").textContent()).isEqualTo("порядок денний опубліковано");

            change(session, all, "open", () -> chair.locator("#forum-open-session").click());
            assertThat(gallery.locator("#forum-session-status").textContent()).isEqualTo("sesja trwa");
            assertThat(uk.locator("#forum-session-status").textContent()).isEqualTo("сесія триває");

            change(session, all, "chair checks in", () -> chair.locator("#forum-check-in-room").click());
            change(session, all, "radny checks in", () -> radny.locator("#forum-check-in-room").click());
            change(session, all, "mieszkanka checks in remotely", () -> uk.locator("#forum-check-in-remote").click());
            change(session, all, "tlumacz checks in by keyboard", () -> press(key, "forum-check-in-room"));
            assertThat(projector.locator("#forum-quorum").textContent()).contains("Obecnych: 4 z 4").contains("Kworum jest");

            change(session, all, "start item", () -> chair.locator("#forum-start-item-" + item).click());
            assertThat(gallery.locator("#forum-current-item").textContent()).contains("Dostępność informacji miejskich");

            change(session, all, "radny asks for the floor", () -> radny.locator("#forum-request-speech").click());
            change(session, all, "mieszkanka asks for the floor", () -> uk.locator("#forum-request-speech").click());
            assertThat(gallery.locator("#forum-speakers li").count()).isEqualTo(2);
            assertThat(uk.locator("#forum-speakers li").first().textContent()).contains("Aram Petrosjan");
            change(session, all, "chair gives the floor", () -> chair.locator("#forum-next-speaker").click());
            assertThat(projector.locator("#forum-speaking").textContent()).contains("Aram Petrosjan");
            projector.waitForFunction("() => /Pozostało 0[12]:[0-9][0-9]/.test(document.querySelector('#forum-countdown').textContent)");
            assertThat(uk.locator("#forum-countdown").textContent()).startsWith("Залишилось");
            assertThat(gallery.locator("#forum-speakers li").count()).isEqualTo(1);

            // the keyboard-only member writes a motion and submits it without a mouse
            change(session, all, "tlumacz submits a motion by keyboard", () -> {
                focus(key, "forum-motion-text");
                key.keyboard().type("Wnoszę o tłumaczenie komunikatów na język ukraiński.");
                press(key, "forum-submit-motion");
            });
            assertThat(radny.locator("#forum-motions").textContent()).contains("Wnoszę o tłumaczenie");

            change(session, all, "chair opens the vote", () -> chair.locator("#forum-open-vote").click());
            assertThat(uk.locator("#forum-vote-heading").textContent()).isEqualTo("Триває відкрите (поіменне) голосування");
            radny.waitForFunction("() => [...document.querySelectorAll('[aria-live=assertive]')].some(e => e.textContent.includes('Otwarto głosowanie'))");
            change(session, all, "radny votes yes", () -> radny.locator("#forum-vote-yes").click());
            change(session, all, "mieszkanka votes yes", () -> uk.locator("#forum-vote-yes").click());
            change(session, all, "tlumacz votes no by keyboard", () -> press(key, "forum-vote-no"));
            assertThat(key.locator("#forum-my-vote").textContent()).isEqualTo("Twój głos: Przeciw.");
            assertThat(gallery.locator("#forum-vote-count").textContent()).contains("3 z 4");
            change(session, all, "chair closes the vote", () -> chair.locator("#forum-close-vote").click());
            for (Page p : List.of(radny, gallery, projector)) {
                assertThat(p.locator("#forum-results").textContent()).contains("Za: 2, przeciw: 1, wstrzymało się: 0.")
                        .contains("Przyjęto.");
            }
            assertThat(uk.locator("#forum-results").textContent()).contains("Ухвалено.");
            assertThat(gallery.locator("#forum-results").textContent()).contains("Aram Petrosjan: Za");
            key.waitForFunction("() => [...document.querySelectorAll('[aria-live=assertive]')].some(e => e.textContent.includes('Głosowanie zamknięte'))");

            screenshot(chair, "forum-chair.png");
            screenshot(uk, "forum-member-uk.png");
            screenshot(gallery, "forum-gallery.png");
            screenshot(projector, "forum-projector.png");
            assertNoSeriousAxeViolations(radny, "the member's session view");
            assertNoSeriousAxeViolations(chair, "the chair's session view");
            assertNoSeriousAxeViolations(gallery, "the gallery");
            assertNoSeriousAxeViolations(projector, "the projector screen");
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("browser: %d screen updates, commit-to-screen p50 %d ms, max %d ms (%d cores)%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast(), Runtime.getRuntime().availableProcessors());
    }

    private Page member(BrowserContext context, String username, long session) {
        Page page = context.newPage();
        signIn(page, username);
        page.navigate(baseUrl() + "/" + SessionView.path(session));
        watchVersions(page);
        return page;
    }

    /**
     * Runs an action, waits for its commit (the session's version rises in the database), then
     * requires every screen to have shown that version within one second of the commit, by the time
     * each page itself recorded.
     */
    private void change(long session, Map<String, Page> pages, String what, Runnable action) {
        long before = live.version(session);
        action.run();
        long deadline = System.currentTimeMillis() + 5000;
        long version;
        while ((version = live.version(session)) <= before) {
            assertThat(System.currentTimeMillis()).as("the action %s was committed", what).isLessThan(deadline);
            sleep(5);
        }
        long committed = System.currentTimeMillis();
        for (var e : pages.entrySet()) {
            Page page = e.getValue();
            page.waitForFunction("v => Object.keys(window.__forumSeen).some(k => Number(k) >= v)", (double) version,
                    new Page.WaitForFunctionOptions().setTimeout(5000).setPollingInterval(20));
            // when the page's own clock (the same host clock) first showed this version or a later one
            long seen = ((Number) page.evaluate("v => Math.min(...Object.entries(window.__forumSeen)"
                    + ".filter(([k]) => Number(k) >= v).map(([, t]) => t))", (double) version)).longValue();
            long latency = Math.max(0, seen - committed);
            latencies.add(latency);
            assertThat(latency).as("%s saw '%s' %d ms after its commit", e.getKey(), what, latency).isLessThanOrEqualTo(1000);
        }
    }

    /** Records in the page when each version of the session first appeared on its screen. */
    private static void watchVersions(Page page) {
        page.waitForSelector("#forum-version");
        page.evaluate("""
                () => { window.__forumSeen = {}; const el = document.querySelector('#forum-version');
                  const note = () => { const v = el.textContent; if (v && !(v in window.__forumSeen)) window.__forumSeen[v] = Date.now(); };
                  note(); new MutationObserver(note).observe(el, {childList: true, characterData: true, subtree: true}); }""");
    }

    /** Moves the keyboard focus with Tab (never a click) to the element with this id. */
    private static void focus(Page page, String id) {
        for (int i = 0; i < 200; i++) {
            Object active = page.evaluate("id => { const e = document.activeElement;"
                    + " return !!(e && (e.id === id || (e.closest && e.closest('#' + id)))); }", id);
            if (Boolean.TRUE.equals(active)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static void press(Page page, String id) {
        focus(page, id);
        page.keyboard().press("Enter");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
