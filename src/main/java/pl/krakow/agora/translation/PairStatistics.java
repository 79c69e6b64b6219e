package pl.krakow.agora.translation;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A coordinator's figures for one language pair (issue 8, item 9).
 *
 * @param medianTimeToTranslation from a task's opening to its submission, over submitted and approved tasks
 * @param oldestOpen              when the oldest task still waiting was opened (the backlog's age)
 */
public record PairStatistics(LanguagePair pair, int open, int claimed, int awaitingReview, int approved,
        @Nullable Duration medianTimeToTranslation, @Nullable Instant oldestOpen, int translators) {
}
