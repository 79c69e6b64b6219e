package pl.krakow.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** Editions, ballots, register, paper ballots and projects through the services, on MariaDB. */
@AgoraIntegrationTest
class BudgetServicesIT {

    @Autowired
    EditionService editions;
    @Autowired
    ProjectService projects;
    @Autowired
    VotingService voting;
    @Autowired
    ResultsService results;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aChangeAfterVotingOpensIsRefusedAndTheAttemptIsAuditLogged() {
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES, new BigDecimal("100000"), List.of()),
                10_000);
        Edition before = editions.edition(v.edition());
        assertThat(before.frozen()).isTrue();
        assertThat(before.phase()).isEqualTo(Phase.VOTING);
        EditionSpec changed = BudgetFixtures.spec(BallotFormat.KNAPSACK, Rule.MES_COST, Eligibility.CODES,
                new BigDecimal("999999"), List.of());
        assertThatThrownBy(() -> editions.update(v.edition(), changed))
                .isInstanceOf(AgoraException.class).hasMessage("budget.error.frozen");
        assertThatThrownBy(() -> editions.moveDates(v.edition(), BudgetFixtures.datesWithOpen(Phase.SUBMISSION)))
                .isInstanceOf(AgoraException.class).hasMessage("budget.error.frozen");
        Edition after = editions.edition(v.edition());
        assertThat(after.rule()).isEqualTo(Rule.GREEDY);
        assertThat(after.totalBudget()).isEqualByComparingTo("100000");
        assertThat(after.dates()).isEqualTo(before.dates());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'budget.edition.change-refused' AND target = :t")
                .param("t", EditionService.target(v.edition())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void beforeVotingAnAdministratorChangesTheRulesAndOthersMayNot() {
        BudgetFixtures.signInAdmin();
        long id = editions.create(BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES,
                new BigDecimal("100000"), List.of(new CategorySpec("Podgórze", new BigDecimal("40000")))));
        editions.update(id, BudgetFixtures.spec(BallotFormat.ORDINAL, Rule.MES_COST_ADD1, Eligibility.REGISTER,
                new BigDecimal("200000"), List.of(new CategorySpec("Nowa Huta", new BigDecimal("50000")))));
        Edition e = editions.edition(id);
        assertThat(e.format()).isEqualTo(BallotFormat.ORDINAL);
        assertThat(e.rankPoints()).containsExactly(3, 2, 1);
        assertThat(e.categories()).extracting(Category::name).containsExactly("Nowa Huta");
        assertThat(e.generalBudget()).isEqualByComparingTo("150000");
        assertThatThrownBy(() -> editions.update(id, BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.MES_COST,
                Eligibility.CODES, new BigDecimal("1000"), List.of(new CategorySpec("A", new BigDecimal("5000"))))))
                .hasMessage("budget.error.categories-exceed-total");
        assertThatThrownBy(() -> editions.update(id, BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY_THRESHOLD,
                Eligibility.CODES, new BigDecimal("1000"), List.of()))).hasMessage("budget.error.rule");
        TestUsers.signIn(900_002, "mieszkanka-test", Role.RESIDENT);
        assertThatThrownBy(() -> editions.moveDates(id, BudgetFixtures.datesWithOpen(Phase.VOTING)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void ballotsAreCheckedAgainstTheFormatOnTheServer() {
        var approval = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES, new BigDecimal("100000"), List.of()),
                10_000, 20_000, 30_000, 40_000);
        List<String> codes = voting.issueCodes(approval.edition(), "checks", 3).codes();
        TestUsers.signOut();
        Credential c = Credential.code(codes.get(0).toLowerCase().replace("-", " "));
        assertThatThrownBy(() -> voting.cast(approval.edition(), c, BallotChoice.approving(approval.projects())))
                .hasMessage("budget.vote.error.too-many");
        assertThatThrownBy(() -> voting.cast(approval.edition(), c, BallotChoice.approving(List.of(-5L))))
                .hasMessage("budget.vote.error.unknown-project");
        assertThatThrownBy(() -> voting.cast(approval.edition(), c, BallotChoice.approving(List.of())))
                .hasMessage("budget.vote.error.empty");
        long p = approval.projects().get(0);
        assertThatThrownBy(() -> voting.cast(approval.edition(), c, BallotChoice.approving(List.of(p, p))))
                .hasMessage("budget.vote.error.duplicate");
        assertThatThrownBy(() -> voting.cast(approval.edition(), Credential.code("AAAA-BBBB-CCCC"),
                BallotChoice.approving(List.of(p)))).hasMessage("budget.vote.error.code-unknown");
        // nothing of the refused attempts was kept: the code still works, typed in any case and spacing
        voting.checkCredential(approval.edition(), c);
        assertThat(voting.cast(approval.edition(), c, BallotChoice.approving(List.of(p))).code()).hasSize(14);

        var knapsack = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.KNAPSACK, Rule.MES_COST, Eligibility.CODES, new BigDecimal("50000"), List.of()),
                30_000, 25_000, 20_000);
        String k = voting.issueCodes(knapsack.edition(), "k", 1).codes().get(0);
        assertThatThrownBy(() -> voting.cast(knapsack.edition(), Credential.code(k),
                BallotChoice.approving(List.of(knapsack.projects().get(0), knapsack.projects().get(1)))))
                .hasMessage("budget.vote.error.over-budget");
        voting.cast(knapsack.edition(), Credential.code(k),
                BallotChoice.approving(List.of(knapsack.projects().get(0), knapsack.projects().get(2))));

        var cumulative = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.CUMULATIVE, Rule.GREEDY, Eligibility.CODES, new BigDecimal("50000"), List.of()),
                30_000, 25_000);
        String cc = voting.issueCodes(cumulative.edition(), "c", 1).codes().get(0);
        assertThatThrownBy(() -> voting.cast(cumulative.edition(), Credential.code(cc),
                new BallotChoice(cumulative.projects(), List.of(8, 3)))).hasMessage("budget.vote.error.points-over");
        assertThatThrownBy(() -> voting.cast(cumulative.edition(), Credential.code(cc),
                new BallotChoice(cumulative.projects(), List.of(8, 0)))).hasMessage("budget.vote.error.points-invalid");
        voting.cast(cumulative.edition(), Credential.code(cc), new BallotChoice(cumulative.projects(), List.of(7, 3)));

        var ordinal = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.ORDINAL, Rule.GREEDY, Eligibility.CODES, new BigDecimal("50000"), List.of()),
                30_000, 25_000, 10_000);
        String o = voting.issueCodes(ordinal.edition(), "o", 1).codes().get(0);
        Receipt r = voting.cast(ordinal.edition(), Credential.code(o),
                new BallotChoice(List.of(ordinal.projects().get(2), ordinal.projects().get(0)), List.of(99, 99)));
        // the points come from the edition's points per rank, not from the page
        assertThat(voting.findReceipt(ordinal.edition(), r.code()).orElseThrow().points()).containsExactly(3, 2);
    }

    @Test
    void theRegisterHoldsOnlyHashesOfPeopleOldEnoughAndEachVotesOnce() {
        BudgetFixtures.signInAdmin();
        EditionSpec spec = BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.REGISTER,
                new BigDecimal("100000"), List.of());
        var v = BudgetFixtures.votingEdition(editions, projects, spec, 10_000, 20_000);
        LocalDate adult = LocalDate.now().minusYears(30);
        LocalDate child = LocalDate.now().minusYears(10);
        String csv = "identifier;birth_date\r\nAB 123456;" + adult + "\r\nKARTA-77;" + adult + "\r\nDZIECKO1;" + child
                + "\r\nAB123456;" + adult + "\r\n";
        RegisterImport imported = voting.importRegister(v.edition(), csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported).isEqualTo(new RegisterImport(2, 1, 1));
        assertThat(jdbc.sql("SELECT id_hash FROM budget_register_entry WHERE edition_id = :e").param("e", v.edition())
                .query(String.class).list()).hasSize(2).allMatch(h -> h.matches("[0-9a-f]{64}") && !h.contains("123456"));
        assertThatThrownBy(() -> voting.importRegister(v.edition(), "X;not-a-date\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("budget.register.error.line");
        TestUsers.signOut();
        long p = v.projects().get(0);
        assertThatThrownBy(() -> voting.cast(v.edition(), Credential.registered("DZIECKO1", child),
                BallotChoice.approving(List.of(p)))).hasMessage("budget.vote.error.not-registered");
        assertThatThrownBy(() -> voting.cast(v.edition(), Credential.registered("AB123456", adult.plusDays(1)),
                BallotChoice.approving(List.of(p)))).hasMessage("budget.vote.error.not-registered");
        voting.cast(v.edition(), Credential.registered("ab-123456", adult), BallotChoice.approving(List.of(p)));
        assertThatThrownBy(() -> voting.cast(v.edition(), Credential.registered("AB123456", adult),
                BallotChoice.approving(List.of(p)))).hasMessage("budget.vote.error.already-voted");
    }

    @Test
    void aPaperBallotCountsOnlyWhenTwoDifferentStaffMembersEnterItAlike() {
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES, new BigDecimal("100000"), List.of()),
                10_000, 20_000, 30_000);
        List<String> codes = voting.issueCodes(v.edition(), "papier", 2).codes();
        long before = voting.ballotCount(v.edition());
        BallotChoice choice = BallotChoice.approving(List.of(v.projects().get(0), v.projects().get(2)));
        TestUsers.signIn(900_010, "urzednik-a", Role.RESIDENT, Role.MODERATOR);
        assertThat(voting.enterPaper(v.edition(), Credential.code(codes.get(0)), choice))
                .isEqualTo(PaperEntryOutcome.AWAITING_SECOND_ENTRY);
        assertThatThrownBy(() -> voting.enterPaper(v.edition(), Credential.code(codes.get(0)), choice))
                .hasMessage("budget.paper.error.same-staff");
        assertThat(voting.ballotCount(v.edition())).isEqualTo(before);
        TestUsers.signIn(900_011, "urzednik-b", Role.RESIDENT, Role.MODERATOR);
        assertThat(voting.enterPaper(v.edition(), Credential.code(codes.get(0)),
                BallotChoice.approving(List.of(v.projects().get(0))))).isEqualTo(PaperEntryOutcome.ENTRIES_DIFFER);
        TestUsers.signIn(900_012, "urzednik-c", Role.RESIDENT, Role.MODERATOR);
        assertThat(voting.enterPaper(v.edition(), Credential.code(codes.get(0)), choice)).isEqualTo(PaperEntryOutcome.COUNTED);
        assertThat(voting.ballotCount(v.edition())).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM budget_paper_entry WHERE edition_id = :e").param("e", v.edition())
                .query(Long.class).single()).isZero();
        TestUsers.signOut();
        // the code on the paper is used: it cannot vote online too
        assertThatThrownBy(() -> voting.cast(v.edition(), Credential.code(codes.get(0)), choice))
                .hasMessage("budget.vote.error.code-used");
        TestUsers.signIn(900_013, "mieszkaniec", Role.RESIDENT);
        assertThatThrownBy(() -> voting.enterPaper(v.edition(), Credential.code(codes.get(1)), choice))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProjectIsSubmittedEditedReviewedAppealedAndPutOnTheBallot() {
        BudgetFixtures.signInAdmin();
        long id = editions.create(BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES,
                new BigDecimal("100000"), List.of(new CategorySpec("Kultura", new BigDecimal("30000")))));
        long culture = editions.edition(id).categories().get(0).id();
        editions.moveDates(id, BudgetFixtures.datesWithOpen(Phase.SUBMISSION));
        TestUsers.signIn(900_020, "autorka", Role.RESIDENT);
        ProjectDraft draft = new ProjectDraft("Festiwal kultur sąsiedzkich", "Dwa dni spotkań, muzyki i kuchni sąsiadów z wielu krajów.",
                List.of(new CostItem("Scena", new BigDecimal("12000")), new CostItem("Tłumacze", new BigDecimal("3000.50"))),
                culture, "Park Jordana");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        assertThatThrownBy(() -> projects.submit(id, draft, List.of(new ProjectImage("x.png", "image/jpeg", png)), UiLanguage.PL))
                .hasMessage("budget.project.error.image-type");
        assertThatThrownBy(() -> projects.submit(id, new ProjectDraft("Za drogi", draft.description(),
                List.of(new CostItem("Wszystko", new BigDecimal("30000.01"))), culture, null), List.of(), UiLanguage.PL))
                .hasMessage("budget.project.error.over-pool");
        long project = projects.submit(id, draft, List.of(new ProjectImage("plakat.png", "image/png", png)), UiLanguage.PL);
        ProjectDetails d = projects.project(project);
        assertThat(d.cost()).isEqualByComparingTo("15000.50");
        assertThat(d.mine()).isTrue();
        assertThat(d.imageIds()).hasSize(1);
        projects.edit(project, new ProjectDraft(draft.title() + " 2027", draft.description(), draft.costItems(), culture, null),
                List.of(), UiLanguage.PL);
        TestUsers.signIn(900_021, "ktos-inny", Role.RESIDENT);
        assertThatThrownBy(() -> projects.edit(project, draft, List.of(), UiLanguage.PL))
                .hasMessage("budget.project.error.not-author");

        BudgetFixtures.signInAdmin();
        editions.moveDates(id, BudgetFixtures.datesWithOpen(Phase.REVIEW));
        TestUsers.signIn(900_020, "autorka", Role.RESIDENT);
        assertThatThrownBy(() -> projects.edit(project, draft, List.of(), UiLanguage.PL))
                .hasMessage("budget.project.error.not-submission");
        TestUsers.signIn(900_022, "moderatorka-test", Role.RESIDENT, Role.MODERATOR);
        projects.assess(project, Aspect.FORMAL, true, "Wniosek kompletny.");
        projects.assess(project, Aspect.LEGAL, true, "Zgodny z prawem miejscowym.");
        assertThat(projects.assess(project, Aspect.TECHNICAL, false, "Park nie ma przyłącza prądu na tę moc."))
                .isEqualTo(ProjectStatus.REJECTED);
        projects.assess(project, Aspect.COST, true, "Koszty zgodne z cenami rynkowymi.");
        assertThat(projects.project(project).status()).isEqualTo(ProjectStatus.REJECTED);

        BudgetFixtures.signInAdmin();
        editions.moveDates(id, BudgetFixtures.datesWithOpen(Phase.APPEALS));
        TestUsers.signIn(900_020, "autorka", Role.RESIDENT);
        projects.appeal(project, "Agregat prądotwórczy jest w kosztorysie, pozycja Scena.");
        assertThat(projects.project(project).status()).isEqualTo(ProjectStatus.APPEALED);
        TestUsers.signIn(900_022, "moderatorka-test", Role.RESIDENT, Role.MODERATOR);
        projects.decideAppeal(project, true, "Agregat jest w kosztorysie: odwołanie zasadne.");
        ProjectDetails accepted = projects.project(project);
        assertThat(accepted.status()).isEqualTo(ProjectStatus.ACCEPTED);
        assertThat(accepted.appeal().decision()).isEqualTo("UPHELD");
        assertThat(editions.ballotProjects(id)).extracting(BallotProject::id).containsExactly(project);
    }
}
