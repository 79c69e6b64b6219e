package pl.krakow.agora.budget;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.budget.tally.TraceEntry;

/**
 * One project in the results: whether it won, its score (supporters, or points) and the tally's
 * own account of why ({@link TraceEntry}), which the results page puts in plain words.
 */
public record ProjectResult(BallotProject project, boolean funded, long supporters, BigDecimal score,
        @Nullable TraceEntry trace) {
}
