package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;

/** Editions for the budget tests: created by an administrator, then put into the wanted phase by moving dates. */
final class BudgetFixtures {

    private static final AtomicInteger EDITIONS = new AtomicInteger();

    private BudgetFixtures() {
    }

    static void signInAdmin() {
        TestUsers.signIn(900_001, "admin-budget-test", Role.RESIDENT, Role.MODERATOR, Role.ADMIN);
    }

    /** Dates with the given phase open now (the others a day apart around it). */
    static PhaseDates datesWithOpen(Phase phase) {
        Instant now = Instant.now();
        Duration day = Duration.ofDays(1);
        int open = switch (phase) {
            case ANNOUNCED -> -1;
            case SUBMISSION -> 0;
            case REVIEW -> 1;
            case APPEALS -> 2;
            case VOTING -> 3;
            case RESULTS -> 4;
        };
        // phase i starts at now + (i - open) days, so phase "open" started a moment ago
        Instant[] starts = new Instant[5];
        for (int i = 0; i < 5; i++) {
            starts[i] = now.plus(day.multipliedBy(i - open)).minusSeconds(i <= open ? 120 : 0);
            if (i == open) {
                starts[i] = now.minusSeconds(120);
            }
        }
        return new PhaseDates(starts[0], starts[1], starts[2], starts[3], starts[4]);
    }

    static EditionSpec spec(BallotFormat format, Rule rule, Eligibility eligibility, BigDecimal budget,
            List<CategorySpec> categories) {
        return new EditionSpec("Test BP " + EDITIONS.incrementAndGet() + " " + format, "pl", budget, categories,
                datesWithOpen(Phase.ANNOUNCED), format, format == BallotFormat.APPROVAL || format == BallotFormat.ORDINAL ? 3 : null,
                format == BallotFormat.CUMULATIVE ? 10 : null, format == BallotFormat.ORDINAL ? List.of(3, 2, 1) : List.of(),
                rule, 16, eligibility, TieBreakOrder.FILE_ORDER);
    }

    /** An edition in VOTING with accepted projects of the given costs. Leaves the administrator signed in. */
    static Voting votingEdition(EditionService editions, ProjectService projects, EditionSpec spec, long... costs) {
        signInAdmin();
        long id = editions.create(spec);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            ids.add(projects.addAcceptedProject(id, "Projekt " + (i + 1), "Opis projektu numer " + (i + 1), "pl",
                    BigDecimal.valueOf(costs[i]), null));
        }
        editions.moveDates(id, datesWithOpen(Phase.VOTING));
        return new Voting(id, ids);
    }

    record Voting(long edition, List<Long> projects) {
    }
}
