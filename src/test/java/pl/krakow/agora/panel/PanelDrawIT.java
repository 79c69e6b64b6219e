package pl.krakow.agora.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.panel.sortition.PanelSelectCommand;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The pool and the public draw on MariaDB (issue 6, tests): 200 volunteers register, one withdraws
 * before the draw, the panel is drawn with LEXIMIN from a committed seed, every quota holds, and the
 * published panel is repeated by {@code panel-select} from the pool files and the published seed.
 */
@AgoraIntegrationTest
class PanelDrawIT {

    @Autowired
    Panels panels;
    @Autowired
    PanelRegistration registration;
    @Autowired
    PanelDraws draws;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static PanelDefinition definition(String topic, int k, int alternates, List<PanelDefinition.CategorySpec> categories) {
        return new PanelDefinition(topic, "Opis panelu testowego.", k, alternates, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(30), 80, 50, categories,
                List.of(new PanelDefinition.MeetingSpec(LocalDateTime.now().plusDays(40), "Urząd Miasta, sala 201")));
    }

    static final List<PanelDefinition.CategorySpec> QUOTAS = QuotaText.categories("""
            Płeć: kobieta 8-12; mężczyzna 8-12
            Wiek: 18–34 5-9; 35–64 7-11; 65+ 3-6
            Dzielnica: Nowa Huta 4-8; Śródmieście 4-8; Podgórze 4-8
            Doświadczenie migracji: tak 6-14; nie 6-14
            """);

    @Test
    void twoHundredVolunteersRegisterOneWithdrawsAndTheDrawnPanelMeetsQuotasAndIsRepeatable() throws Exception {
        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        long id = panels.create(definition("Panel testowy: zieleń w dzielnicach", 20, 5, QUOTAS), UiLanguage.PL);
        PanelOverview created = panels.find(id).orElseThrow();
        TestUsers.signOut();

        SplittableRandom random = new SplittableRandom(2026);
        List<Registration> registered = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<Long, Long> values = new HashMap<>();
            for (PanelOverview.CategoryComposition c : created.categories()) {
                values.put(c.id(), c.values().get(random.nextInt(c.values().size())).id());
            }
            registered.add(registration.register(id,
                    new VolunteerForm("wolontariusz" + i + "-" + id + "@example.org", values, true), UiLanguage.UK));
        }
        assertThat(panels.find(id).orElseThrow().poolSize()).isEqualTo(200);
        Registration leaving = registered.get(17);
        registration.withdrawWithCode(id, leaving.withdrawalCode());
        PanelOverview pool = panels.find(id).orElseThrow();
        assertThat(pool.poolSize()).isEqualTo(199);
        assertThat(pool.categories().get(0).values().stream().mapToInt(PanelOverview.ValueComposition::inPool).sum())
                .isEqualTo(199);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM panel_volunteer_value vv JOIN panel_volunteer v ON v.id = vv.volunteer_id"
                + " WHERE v.anon_id = :a AND v.panel_id = :p").param("a", leaving.anonId()).param("p", id)
                .query(Integer.class).single()).as("withdrawal deletes the declared values").isZero();

        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        assertThat(panels.checkQuotas(id)).isEmpty();
        String secret = "tajny-sekret-organizatora-" + id;
        String commitment = panels.commitSeed(id, secret, "Lotto, losowanie 2026-12-05");
        assertThat(commitment).isEqualTo(Panels.sha256(secret));
        assertThatThrownBy(() -> draws.startDraw(id, secret, "1 2 3"))
                .isInstanceOf(AgoraException.class).hasMessage("panel.draw.error.not-closed");
        panels.closeRegistration(id);
        TestUsers.signOut();
        assertThatThrownBy(() -> registration.withdrawWithCode(id, registered.get(3).withdrawalCode()))
                .isInstanceOf(AgoraException.class).hasMessage("panel.withdraw.error.frozen");

        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        assertThatThrownBy(() -> draws.startDraw(id, "wrong secret, not committed", "3 14 15 22 35 49"))
                .isInstanceOf(AgoraException.class).hasMessage("panel.draw.error.secret");
        assertThatThrownBy(() -> draws.startDraw(id, secret, " "))
                .isInstanceOf(AgoraException.class).hasMessage("panel.draw.error.public-value");
        draws.startDraw(id, secret, "3 14 15 22 35 49");
        DrawStatus status = awaitDraw(id);
        assertThat(status).as("draw error %s", panels.find(id).orElseThrow().drawErrorKey()).isEqualTo(DrawStatus.DONE);
        TestUsers.signOut();
        assertThat(draws.result(id)).as("not public before publication").isEmpty();
        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        draws.publish(id);
        TestUsers.signOut();

        DrawResult result = draws.result(id).orElseThrow();
        System.out.printf(java.util.Locale.ROOT, "panel draw: n=%d k=20 leximin min=%.4f legacy min=%.4f panels=%d"
                + " converged=%s seconds=%.2f%n", result.poolSize(), result.minProbability(), result.legacyMinProbability(),
                result.panelsGenerated(), result.converged(), result.seconds());
        assertThat(result.seed()).isEqualTo(secret + "|3 14 15 22 35 49");
        assertThat(result.panel()).hasSize(20).doesNotHaveDuplicates().doesNotContain(leaving.anonId());
        assertThat(result.alternates()).hasSize(5).doesNotContainAnyElementsOf(result.panel());
        assertThat(result.probabilities()).hasSize(199)
                .noneMatch(p -> p.anonId().equals(leaving.anonId()));
        assertThat(result.probabilities().stream().mapToDouble(DrawResult.Probability::probability).sum())
                .isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.legacyMinProbability()).isNotNull();
        assertThat(result.minProbability()).isGreaterThanOrEqualTo(result.legacyMinProbability() - 1e-9);
        assertThat(result.json()).contains("\"seed_commitment_sha256\": \"" + commitment + "\"")
                .contains("panel-select --algorithm leximin");

        // every quota holds for the drawn panel, counted from the declared values in the database
        for (PoolLoader.CategoryRow c : new PoolLoader(jdbc).categories(id)) {
            for (PoolLoader.ValueRow v : c.values()) {
                int members = 0;
                for (String anon : result.panel()) {
                    members += jdbc.sql("SELECT COUNT(*) FROM panel_volunteer_value vv JOIN panel_volunteer p"
                            + " ON p.id = vv.volunteer_id WHERE p.panel_id = :p AND p.anon_id = :a AND vv.value_id = :v")
                            .param("p", id).param("a", anon).param("v", v.id()).query(Integer.class).single();
                }
                assertThat(members).as("%s: %s", c.name(), v.name()).isBetween(v.min(), v.max());
            }
        }

        // anyone with the pool files repeats the draw with panel-select and the published seed
        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        PanelDraws.PoolFiles files = draws.poolFiles(id);
        TestUsers.signOut();
        Files.writeString(dir.resolve("categories.csv"), files.categoriesCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("respondents.csv"), files.respondentsCsv(), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PanelSelectCommand.run(new String[] {"--algorithm", "leximin", "--categories",
            dir.resolve("categories.csv").toString(), "--respondents", dir.resolve("respondents.csv").toString(),
            "--panel-size", "20", "--seed", result.seed(), "--alternates", "--time-limit",
            String.valueOf(draws.timeLimit().toSeconds())}, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        List<String> repeated = rows(json, "panel").stream().map(files.rowAnonIds()::get).sorted().toList();
        assertThat(repeated).isEqualTo(result.panel().stream().sorted().toList());
        int[] reserve = rows(json, "alternates").stream().mapToInt(Integer::intValue).toArray();
        List<String> alternates = java.util.Arrays.stream(DrawRunner.alternatesInOrder(reserve, result.seed(), 5))
                .mapToObj(files.rowAnonIds()::get).toList();
        assertThat(alternates).isEqualTo(result.alternates());

        // anyone repeats it from the published JSON alone: panel, alternates and every probability
        Path publishedFile = dir.resolve("draw.json");
        Files.writeString(publishedFile, result.json(), StandardCharsets.UTF_8);
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        assertThat(PanelReplayTool.run(new String[] {"panel-replay", publishedFile.toString()},
                InputStream.nullInputStream(), new PrintStream(replayed, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .as(replayed.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(replayed.toString(StandardCharsets.UTF_8)).contains("\"panel_matches\": true",
                "\"alternates_match\": true", "\"probabilities_match\": true");
        // a different seed (say, a wrong lottery result) does not give the published panel
        Files.writeString(publishedFile, result.json().replace(result.seed(), result.seed() + "x"), StandardCharsets.UTF_8);
        assertThat(PanelReplayTool.run(new String[] {publishedFile.toString()}, InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);

        linkedMemberEntersTheWorkspace(id, result);

        // the end of the work deletes every volunteer's personal data, as the consent promised;
        // what was published stays
        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        PanelOverview before = panels.find(id).orElseThrow();
        assertThat(panels.endWork(id)).isEqualTo(200);
        assertThatThrownBy(() -> panels.endWork(id)).hasMessage("panel.end.error.not-published");
        TestUsers.signOut();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM panel_volunteer_value vv JOIN panel_volunteer v"
                + " ON v.id = vv.volunteer_id WHERE v.panel_id = :p").param("p", id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM panel_volunteer WHERE panel_id = :p"
                + " AND (contact IS NOT NULL OR username IS NOT NULL)").param("p", id).query(Integer.class).single())
                .isZero();
        PanelOverview after = panels.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(PanelStatus.ENDED);
        assertThat(after.poolSize()).isEqualTo(199);
        assertThat(after.categories()).isEqualTo(before.categories());
        assertThat(draws.result(id)).get().extracting(DrawResult::panel).isEqualTo(result.panel());
        TestUsers.signIn(990_005, "polaczona-" + id, Role.RESIDENT);
        assertThat(workspace.myRole(id)).isEmpty();
        TestUsers.signOut();
    }

    @Autowired
    PanelWorkspace workspace;

    private void linkedMemberEntersTheWorkspace(long id, DrawResult result) {
        TestUsers.signIn(990_001, "moderator-panel-it", Role.RESIDENT, Role.MODERATOR);
        workspace.linkMember(id, result.panel().get(0), "polaczona-" + id);
        assertThatThrownBy(() -> workspace.linkMember(id, result.panel().get(0), "ktos-inny-" + id))
                .isInstanceOf(AgoraException.class).hasMessage("panel.link.error.no-seat");
        String notDrawn = result.probabilities().stream().map(DrawResult.Probability::anonId)
                .filter(a -> !result.panel().contains(a) && !result.alternates().contains(a)).findFirst().orElseThrow();
        assertThatThrownBy(() -> workspace.linkMember(id, notDrawn, "ktos-inny-" + id))
                .hasMessage("panel.link.error.no-seat");
        TestUsers.signIn(990_005, "polaczona-" + id, Role.RESIDENT);
        assertThat(workspace.myRole(id)).contains(WorkspaceRole.MEMBER);
        TestUsers.signOut();
    }

    private static List<Integer> rows(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": \\[([^\\]]*)\\]").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        List<Integer> ids = new ArrayList<>();
        for (String s : m.group(1).split(",")) {
            if (!s.isBlank()) {
                ids.add(Integer.parseInt(s.strip().replace("\"", "")));
            }
        }
        return ids;
    }

    private DrawStatus awaitDraw(long id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            DrawStatus s = panels.find(id).orElseThrow().drawStatus();
            if (s != DrawStatus.RUNNING) {
                return s;
            }
            Thread.sleep(250);
        }
        return DrawStatus.RUNNING;
    }

    @Test
    void quotasNoPanelCanMeetAreNamedBeforeAnyDrawAndTheDrawIsRefused() {
        TestUsers.signIn(990_002, "moderator-panel-it2", Role.RESIDENT, Role.MODERATOR);
        long id = panels.create(definition("Panel z niemożliwymi kwotami", 4, 0, QuotaText.categories("""
                Wiek: 65+ 3-4; poniżej 65 0-1
                Status: emeryt 0-1; pracujący 3-4
                """)), UiLanguage.PL);
        PanelOverview created = panels.find(id).orElseThrow();
        long old = created.categories().get(0).values().get(0).id();
        long young = created.categories().get(0).values().get(1).id();
        long retired = created.categories().get(1).values().get(0).id();
        long working = created.categories().get(1).values().get(1).id();
        TestUsers.signOut();
        for (int i = 0; i < 10; i++) {
            // every over-65 is retired, everyone under 65 works
            Map<Long, Long> values = Map.of(created.categories().get(0).id(), i < 5 ? old : young,
                    created.categories().get(1).id(), i < 5 ? retired : working);
            registration.register(id, new VolunteerForm("osoba" + i + "-" + id + "@example.org", values, true),
                    UiLanguage.PL);
        }
        TestUsers.signIn(990_002, "moderator-panel-it2", Role.RESIDENT, Role.MODERATOR);
        QuotaProblem problem = panels.checkQuotas(id).orElseThrow();
        assertThat(problem.messageKey()).isEqualTo("panel.sortition.error.quotas-infeasible");
        assertThat(problem.changes()).isNotEmpty();
        assertThat(problem.changes()).allMatch(c -> c.label().startsWith("Wiek: ") || c.label().startsWith("Status: "));
        panels.commitSeed(id, "sekret-do-niemozliwego-panelu", null);
        panels.closeRegistration(id);
        assertThatThrownBy(() -> draws.startDraw(id, "sekret-do-niemozliwego-panelu", null))
                .isInstanceOf(AgoraException.class).hasMessage("panel.draw.error.quotas");
        assertThat(panels.find(id).orElseThrow().drawStatus()).isEqualTo(DrawStatus.NONE);
    }

    @Test
    void badRegistrationsAreRefusedAndNothingIsSaved() {
        TestUsers.signIn(990_003, "moderator-panel-it3", Role.RESIDENT, Role.MODERATOR);
        long id = panels.create(definition("Panel do testu rejestracji", 4, 1, QuotaText.categories("""
                Płeć: kobieta 1-3; mężczyzna 1-3
                """)), UiLanguage.PL);
        assertThatThrownBy(() -> panels.create(definition("Za duże minima", 4, 0, QuotaText.categories("""
                Płeć: kobieta 3-4; mężczyzna 3-4
                """)), UiLanguage.PL)).isInstanceOf(AgoraException.class)
                .hasMessage("panel.sortition.error.category-mins-exceed-panel");
        PanelOverview created = panels.find(id).orElseThrow();
        long category = created.categories().get(0).id();
        long female = created.categories().get(0).values().get(0).id();
        TestUsers.signOut();
        assertThatThrownBy(() -> registration.register(id,
                new VolunteerForm("a-" + id + "@example.org", Map.of(category, female), false), UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("panel.register.error.consent");
        assertThatThrownBy(() -> registration.register(id,
                new VolunteerForm("not an address", Map.of(category, female), true), UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("panel.register.error.contact");
        assertThatThrownBy(() -> registration.register(id,
                new VolunteerForm("b-" + id + "@example.org", Map.of(), true), UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("panel.register.error.value");
        assertThatThrownBy(() -> registration.register(id,
                new VolunteerForm("c-" + id + "@example.org", Map.of(category, 999_999L), true), UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("panel.register.error.value");
        registration.register(id, new VolunteerForm("d-" + id + "@example.org", Map.of(category, female), true),
                UiLanguage.PL);
        assertThatThrownBy(() -> registration.register(id,
                new VolunteerForm("D-" + id + "@example.org", Map.of(category, female), true), UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("panel.register.error.already");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM panel_volunteer WHERE panel_id = :p").param("p", id)
                .query(Integer.class).single()).isEqualTo(1);

        TestUsers.signIn(990_004, "wolontariuszka-it", Role.RESIDENT);
        registration.register(id, new VolunteerForm(null, Map.of(category, female), true), UiLanguage.EN);
        assertThat(registration.myRegistration(id)).isPresent();
        registration.withdrawMine(id);
        assertThat(registration.myRegistration(id)).isEmpty();
        assertThat(panels.find(id).orElseThrow().poolSize()).isEqualTo(1);
    }
}
