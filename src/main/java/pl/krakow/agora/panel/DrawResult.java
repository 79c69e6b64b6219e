package pl.krakow.agora.panel;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A computed draw, as published (issue 6, item 5): the seed and the commitment it must match, the
 * LEXIMIN lottery's figures beside LEGACY's, every volunteer's selection probability by anonymous
 * id, the drawn panel and the alternates in the order they are called, and the JSON anyone can
 * download to repeat it.
 */
public record DrawResult(long panelId, String algorithm, String seed, String seedCommitment,
        @Nullable String seedPublicSource, double minProbability, @Nullable Double legacyMinProbability,
        int panelsGenerated, boolean converged, double seconds, int poolSize, List<String> panel,
        List<String> alternates, List<Probability> probabilities, Instant drawnAt, @Nullable Instant publishedAt,
        String json) {

    public DrawResult {
        panel = List.copyOf(panel);
        alternates = List.copyOf(alternates);
        probabilities = List.copyOf(probabilities);
    }

    /** One volunteer's selection probability, by anonymous id. */
    public record Probability(String anonId, double probability) {
    }
}
