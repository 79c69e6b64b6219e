package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import pl.krakow.agora.budget.tally.Rule;

/**
 * Demo content for the dev profile, created once (checked by name): an edition in VOTING with six
 * projects and ten printed demo codes ({@link #DEMO_CODES}), and a finished edition with 240
 * ballots so that the results page shows real explanations.
 */
@Component
@Profile("dev")
@Order(50)
class BudgetDemo implements ApplicationRunner {

    static final String VOTING_NAME = "BP dla społeczności mniejszościowych 2027 (demo)";
    static final String RESULTS_NAME = "BP dla społeczności mniejszościowych 2026 (demo, wyniki)";
    static final List<String> DEMO_CODES = List.of("DEMO-2026-AAAA", "DEMO-2026-BBBB", "DEMO-2026-CCCC",
            "DEMO-2026-DDDD", "DEMO-2026-EEEE", "DEMO-2026-FFFF", "DEMO-2026-GGGG", "DEMO-2026-HHHH",
            "DEMO-2026-JJJJ", "DEMO-2026-KKKK");
    private static final Logger log = LoggerFactory.getLogger(BudgetDemo.class);

    private final EditionService editions;
    private final ProjectService projects;
    private final VotingService voting;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BudgetDemo(EditionService editions, ProjectService projects, VotingService voting, JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.editions = editions;
        this.projects = projects;
        this.voting = voting;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            transaction.executeWithoutResult(s -> {
                if (!exists(VOTING_NAME)) {
                    votingEdition();
                }
                if (!exists(RESULTS_NAME)) {
                    resultsEdition();
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM budget_edition WHERE name = :n").param("n", name).query(Long.class).single() > 0;
    }

    private static PhaseDates dates(Instant votingStart, Instant votingEnd) {
        Duration day = Duration.ofDays(1);
        return new PhaseDates(votingStart.minus(day.multipliedBy(60)), votingStart.minus(day.multipliedBy(40)),
                votingStart.minus(day.multipliedBy(20)), votingStart, votingEnd);
    }

    private void votingEdition() {
        Instant now = Instant.now();
        long id = editions.create(new EditionSpec(VOTING_NAME, "pl", new BigDecimal("300000"), List.of(),
                dates(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))), BallotFormat.APPROVAL, 3, null,
                List.of(), Rule.MES_COST_ADD1, 16, Eligibility.CODES, TieBreakOrder.FILE_ORDER));
        addProjects(id);
        voting.registerKnownCodes(id, "Demo: punkt konsultacyjny", DEMO_CODES);
        log.info("Demo budget edition {} in voting; demo codes: {}", id, DEMO_CODES);
    }

    private List<Long> addProjects(long id) {
        List<Long> ids = new ArrayList<>();
        ids.add(projects.addAcceptedProject(id, "Kursy języka polskiego dla dorosłych w Nowej Hucie",
                "Bezpłatne kursy wieczorowe z opieką nad dziećmi, dwa poziomy, przez cały rok szkolny.", "pl",
                new BigDecimal("85000"), null));
        ids.add(projects.addAcceptedProject(id, "Punkt porad prawnych w językach ukraińskim i rosyjskim",
                "Dyżury prawników raz w tygodniu w bibliotece, z tłumaczem, sprawy pobytu i pracy.", "pl",
                new BigDecimal("60000"), null));
        ids.add(projects.addAcceptedProject(id, "Festiwal kultur sąsiedzkich na Kazimierzu",
                "Dwa dni muzyki, kuchni i warsztatów przygotowanych przez społeczności mniejszościowe.", "pl",
                new BigDecimal("120000"), null));
        ids.add(projects.addAcceptedProject(id, "Tablice informacyjne w czterech językach na przystankach",
                "Rozkłady i informacje o zmianach w komunikacji po polsku, angielsku, ukraińsku i rosyjsku.", "pl",
                new BigDecimal("45000"), null));
        ids.add(projects.addAcceptedProject(id, "Świetlica dla dzieci romskich w Podgórzu",
                "Zajęcia odrabiania lekcji i zajęcia artystyczne trzy razy w tygodniu z asystentem romskim.", "pl",
                new BigDecimal("95000"), null));
        ids.add(projects.addAcceptedProject(id, "Мобільний консультант для людей похилого віку",
                "Консультант відвідує літніх людей удома й допомагає зі справами в місті, польською та українською.",
                "uk", new BigDecimal("70000"), null));
        return ids;
    }

    private void resultsEdition() {
        Instant now = Instant.now();
        long id = editions.create(new EditionSpec(RESULTS_NAME, "pl", new BigDecimal("300000"), List.of(),
                dates(now.minus(Duration.ofDays(21)), now.minus(Duration.ofDays(1))), BallotFormat.APPROVAL, 3, null,
                List.of(), Rule.MES_COST_ADD1, 16, Eligibility.CODES, TieBreakOrder.FILE_ORDER));
        List<Long> ids = addProjects(id);
        Random random = new Random(2026);
        double[] popularity = {0.55, 0.45, 0.35, 0.6, 0.25, 0.3};
        LocalDate day = LocalDate.now().minusDays(10);
        for (int v = 0; v < 240; v++) {
            List<Long> chosen = new ArrayList<>();
            for (int p = 0; p < ids.size() && chosen.size() < 3; p++) {
                if (random.nextDouble() < popularity[p]) {
                    chosen.add(ids.get(p));
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(ids.get(random.nextInt(ids.size())));
            }
            voting.box().record(id, Secrets.sha256("demo-voter-" + id + "-" + v),
                    new BallotRules.Checked(chosen, List.of()), VotingService.ONLINE, day);
        }
        log.info("Demo budget edition {} with results (240 ballots)", id);
    }
}
