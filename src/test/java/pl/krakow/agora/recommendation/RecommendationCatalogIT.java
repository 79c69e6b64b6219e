package pl.krakow.agora.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.moderation.NotificationInbox;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.TranslatorKind;

/** The catalogue on the embedded MariaDB, loaded from the reviewed data file at start-up. */
@AgoraIntegrationTest
class RecommendationCatalogIT {

    @Autowired
    RecommendationCatalog catalog;
    @Autowired
    CatalogueExport export;
    @Autowired
    ReportLoader loader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationInbox inbox;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theWholeReportIsLoadedOnceWithEveryTextSentToTranslators() {
        assertThat(catalog.chapters(UiLanguage.PL)).hasSize(13);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recommendation WHERE kind = 'SECTION'").query(Integer.class).single())
                .isEqualTo(93);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recommendation WHERE kind = 'ITEM'").query(Integer.class).single())
                .isEqualTo(139);
        assertThat(catalog.chapters(UiLanguage.PL).get(6).sections()).isEqualTo(30);
        // loading again is a no-op: the dataset row is already there
        assertThat(loader.load()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recommendation WHERE author_id IS NULL").query(Integer.class).single())
                .isEqualTo(232);
        // the English is the project team's, awaiting review; Ukrainian and Russian are open tasks
        assertThat(jdbc.sql("""
                SELECT t.status FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE s.content_module = 'recommendation' AND s.content_type = 'title' AND s.content_id = '7.1.6'
                ORDER BY t.target_language""").query(String.class).list())
                .containsExactly("SUBMITTED", "OPEN", "OPEN"); // en, ru, uk
    }

    @Test
    void anItemHasItsStableNumberAndTheEnglishReaderSeesTheTeamsTranslationWithTheOriginal() {
        RecommendationDetail section = catalog.find("7.1.6", UiLanguage.EN).orElseThrow();
        assertThat(section.summary().title().text()).isEqualTo("Supporting communication");
        assertThat(section.summary().title().original()).isEqualTo("Wspieranie Komunikacji");
        assertThat(section.summary().title().translatedBy()).isEqualTo(TranslatorKind.PROJECT_TEAM);
        assertThat(section.summary().title().reviewed()).isFalse();
        assertThat(section.items()).extracting(RecommendationSummary::code)
                .containsExactly("7.1.6-1", "7.1.6-2", "7.1.6-3");
        RecommendationDetail ukrainian = catalog.find("7.1.6-3", UiLanguage.UK).orElseThrow();
        assertThat(ukrainian.summary().text().language()).isEqualTo("pl");
        assertThat(ukrainian.summary().text().translationPending()).isTrue();
        assertThat(ukrainian.sectionTitle().original()).isEqualTo("Wspieranie Komunikacji");
    }

    @Test
    void searchIgnoresDiacriticsAndFindsInflectedForms() {
        List<String> withoutDiacritics = codes(catalog.search(query("tlumaczenie"), UiLanguage.PL, 0, 100));
        List<String> withDiacritics = codes(catalog.search(query("tłumaczenie"), UiLanguage.PL, 0, 100));
        assertThat(withoutDiacritics).isNotEmpty().isEqualTo(withDiacritics).contains("8.6-3");
        RecommendationSummary first = catalog.search(query("tlumaczenie"), UiLanguage.PL, 0, 1).get(0);
        assertThat((first.title().text() + " " + first.text().text()).toLowerCase()).contains("tłumacz");
        // "policja" finds texts that say "Policji" or "Policją"
        assertThat(catalog.count(query("policja"))).isPositive();
        assertThat(catalog.count(query("straz miejska"))).isPositive();
        assertThat(catalog.count(query("zzzzqqq"))).isZero();
        // an operator-looking query is plain words, never a syntax error
        assertThat(catalog.count(query("\"+-*()<>~@"))).isZero();
    }

    @Test
    void filtersByChapterStatusUnitAndTargetGroup() {
        assertThat(catalog.count(RecommendationQuery.chapter(7))).isEqualTo(66);
        // other tests move a few report items on; most are still under review
        RecommendationQuery underReview = new RecommendationQuery(null, null, WorkflowStatus.UNDER_REVIEW, null, null);
        assertThat(catalog.count(underReview)).isGreaterThan(200);
        assertThat(catalog.search(underReview, UiLanguage.PL, 0, 1000))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(WorkflowStatus.UNDER_REVIEW));
        assertThat(catalog.responsibleUnits()).contains("Straż Miejska");
        List<RecommendationSummary> byUnit = catalog.search(
                new RecommendationQuery(null, null, null, "Straż Miejska", null), UiLanguage.PL, 0, 100);
        assertThat(byUnit).isNotEmpty().allSatisfy(r -> assertThat(r.responsibleUnits()).contains("Straż Miejska"));
        List<RecommendationSummary> seniors = catalog.search(
                new RecommendationQuery(null, null, null, null, TargetGroup.SENIORS), UiLanguage.PL, 0, 100);
        assertThat(seniors).isNotEmpty().allSatisfy(r -> assertThat(r.targetGroups()).contains(TargetGroup.SENIORS));
        assertThat(catalog.count(new RecommendationQuery("senior", 10, null, null, null))).isPositive();
    }

    @Test
    void aModeratorMovesARecommendationOnWithAReasonThatBecomesPublicHistory() {
        TestUsers.signIn(9101, "moderatorka", Role.RESIDENT, Role.MODERATOR);
        catalog.changeStatus("4.3", WorkflowStatus.ADAPT_EXISTING, "  Punkt Informacyjny istnieje; brakuje wersji ukraińskiej.  ");
        TestUsers.signOut();
        RecommendationDetail detail = catalog.find("4.3", UiLanguage.PL).orElseThrow();
        assertThat(detail.summary().status()).isEqualTo(WorkflowStatus.ADAPT_EXISTING);
        assertThat(detail.history()).hasSize(2);
        StatusChange change = detail.history().get(1);
        assertThat(change.from()).isEqualTo(WorkflowStatus.UNDER_REVIEW);
        assertThat(change.reason()).isEqualTo("Punkt Informacyjny istnieje; brakuje wersji ukraińskiej.");
        assertThat(change.changedBy()).isEqualTo("moderatorka");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'recommendation.status' AND target = '4.3'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aStatusChangeWithoutAReasonOrAgainstTheSchemeIsRefusedAndSavesNothing() {
        TestUsers.signIn(9101, "moderatorka", Role.RESIDENT, Role.MODERATOR);
        assertThatThrownBy(() -> catalog.changeStatus("4.4", WorkflowStatus.ADAPT_EXISTING, "   "))
                .isInstanceOf(AgoraException.class).hasMessage("recommendation.error.reason-required");
        assertThatThrownBy(() -> catalog.changeStatus("4.4", WorkflowStatus.IMPLEMENTED, "done"))
                .isInstanceOf(AgoraException.class).hasMessage("recommendation.error.transition");
        assertThatThrownBy(() -> catalog.changeStatus("4.4", WorkflowStatus.ADAPT_EXISTING, "x".repeat(2001)))
                .isInstanceOf(AgoraException.class).hasMessage("recommendation.error.reason-too-long");
        assertThatThrownBy(() -> catalog.changeStatus("99.9", WorkflowStatus.ADAPT_EXISTING, "why"))
                .isInstanceOf(AgoraException.class).hasMessage("recommendation.error.not-found");
        TestUsers.signOut();
        RecommendationDetail detail = catalog.find("4.4", UiLanguage.PL).orElseThrow();
        assertThat(detail.summary().status()).isEqualTo(WorkflowStatus.UNDER_REVIEW);
        assertThat(detail.history()).hasSize(1);
    }

    @Test
    void residentsAndAnonymousVisitorsCannotChangeAStatus() {
        assertThatThrownBy(() -> catalog.changeStatus("4.5", WorkflowStatus.ADAPT_EXISTING, "reason"))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class,
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        TestUsers.signIn(9102, "mieszkanka", Role.RESIDENT);
        assertThatThrownBy(() -> catalog.changeStatus("4.5", WorkflowStatus.ADAPT_EXISTING, "reason"))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
    }

    @Test
    void aProposalIsPrivateUntilAModeratorAcceptsItAndGoesToTranslators() {
        TestUsers.signIn(9103, "autorka", Role.RESIDENT);
        String code = catalog.propose(new Proposal("Dyżury tłumaczy w MOPS",
                "Stałe dyżury tłumaczy języka ukraińskiego w ośrodkach pomocy społecznej, dwa razy w tygodniu.", 7),
                UiLanguage.PL);
        assertThat(code).matches("P-\\d+");
        assertThat(catalog.find(code, UiLanguage.PL)).get().extracting(RecommendationDetail::mine).isEqualTo(true);
        assertThat(catalog.myProposals(UiLanguage.PL)).extracting(RecommendationSummary::code).contains(code);
        TestUsers.signIn(9104, "sasiad", Role.RESIDENT);
        assertThat(catalog.find(code, UiLanguage.PL)).isEmpty();
        TestUsers.signOut();
        assertThat(catalog.find(code, UiLanguage.PL)).isEmpty();
        assertThat(codes(catalog.search(query("dyzury tlumaczy"), UiLanguage.PL, 0, 10))).doesNotContain(code);
        assertThat(export.entries(RecommendationQuery.all(), UiLanguage.PL, 0, 10_000))
                .extracting(CatalogueEntry::id).doesNotContain(code);

        TestUsers.signIn(9101, "moderatorka", Role.RESIDENT, Role.MODERATOR);
        assertThat(catalog.proposalsAwaitingModeration(UiLanguage.PL)).extracting(RecommendationSummary::code)
                .contains(code);
        catalog.changeStatus(code, WorkflowStatus.UNDER_REVIEW, "Zgodna z zasadami, przekazana do analizy.");
        TestUsers.signOut();
        assertThat(codes(catalog.search(query("dyzury tlumaczy"), UiLanguage.PL, 0, 10))).contains(code);
        // the title and the text reach the translators after commit
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM translation_source WHERE content_module = 'recommendation' AND content_id = :code""")
                .param("code", code).query(Integer.class).single()).isEqualTo(2));
        assertThat(jdbc.sql("""
                SELECT t.target_language FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE s.content_module = 'recommendation' AND s.content_type = 'text' AND s.content_id = :code
                ORDER BY t.target_language""").param("code", code).query(String.class).list())
                .containsExactly("en", "ru", "uk");
        // the author hears of the move in their notifications, with the moderator's reason
        TestUsers.signIn(9103, "autorka", Role.RESIDENT);
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(inbox.mine(50))
                .filteredOn(n -> n.content().id().equals(code))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("STATUS_CHANGED");
                    assertThat(n.detailKey()).isEqualTo("recommendation.status.UNDER_REVIEW");
                    assertThat(n.reason()).isEqualTo("Zgodna z zasadami, przekazana do analizy.");
                    assertThat(n.excerpt()).isEqualTo("Dyżury tłumaczy w MOPS");
                }));
    }

    @Test
    void badProposalsAreRefusedWithTranslatedKeysAndNothingIsSaved() {
        TestUsers.signIn(9105, "ktos", Role.RESIDENT);
        int before = jdbc.sql("SELECT COUNT(*) FROM recommendation").query(Integer.class).single();
        assertThatThrownBy(() -> catalog.propose(new Proposal("   ", "x".repeat(50), null), UiLanguage.PL))
                .hasMessage("recommendation.error.title-too-short");
        assertThatThrownBy(() -> catalog.propose(new Proposal("Tytuł", "  krótko  ", null), UiLanguage.PL))
                .hasMessage("recommendation.error.text-too-short");
        assertThatThrownBy(() -> catalog.propose(new Proposal("Tytuł", "x".repeat(5001), null), UiLanguage.PL))
                .hasMessage("recommendation.error.text-too-long");
        assertThatThrownBy(() -> catalog.propose(new Proposal("t".repeat(301), "x".repeat(50), null), UiLanguage.PL))
                .hasMessage("recommendation.error.title-too-long");
        assertThatThrownBy(() -> catalog.propose(new Proposal("Tytuł ok", "x".repeat(50), 42), UiLanguage.PL))
                .hasMessage("recommendation.error.no-such-chapter");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recommendation").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aResidentProposesAtMostFiveADay() {
        TestUsers.signIn(9106, "pilna", Role.RESIDENT);
        for (int i = 0; i < RecommendationCatalog.PROPOSALS_PER_DAY; i++) {
            catalog.propose(new Proposal("Propozycja " + i, "Treść propozycji numer " + i + " z uzasadnieniem.", null),
                    UiLanguage.PL);
        }
        assertThatThrownBy(() -> catalog.propose(new Proposal("Jeszcze jedna", "Treść jeszcze jednej propozycji.", null),
                UiLanguage.PL)).hasMessage("recommendation.error.too-many-proposals");
    }

    @Test
    void theCsvExportQuotesSafelyAndHasOneRowPerPublicRecommendation() {
        String csv = new String(export.csv(UiLanguage.EN), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,kind,chapter,section,status,title,text,language");
        assertThat(csv).contains("7.1.6,SECTION,7,7.1.6,");
        assertThat(CatalogueExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CatalogueExport.cell("a, b")).isEqualTo("\"a, b\"");
        String json = new String(export.json(UiLanguage.PL), StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\" : \"7.1.6\"", "\"commentCount\"");
    }

    private static RecommendationQuery query(String text) {
        return new RecommendationQuery(text, null, null, null, null);
    }

    private static List<String> codes(List<RecommendationSummary> list) {
        return list.stream().map(RecommendationSummary::code).toList();
    }
}
