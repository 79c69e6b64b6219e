package pl.krakow.agora.translation.detect;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of detecting the language of one text.
 *
 * @param status     whether the top candidate may be used as the text's language
 * @param candidates candidate languages, most likely first; empty only when {@code UNDETERMINED}
 * @param segments   for a long text written in more than one language, its parts in text order; otherwise empty
 */
public record LanguageDetection(DetectionStatus status, List<LanguageConfidence> candidates,
                                List<LanguageSegment> segments) {

    public LanguageDetection {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        candidates = List.copyOf(candidates);
        segments = List.copyOf(segments);
        if (candidates.isEmpty() != (status == DetectionStatus.UNDETERMINED)) {
            throw new IllegalArgumentException("candidates must be empty exactly when UNDETERMINED");
        }
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i).confidence() > candidates.get(i - 1).confidence()) {
                throw new IllegalArgumentException("candidates must be sorted by descending confidence");
            }
        }
    }

    static LanguageDetection undetermined() {
        return new LanguageDetection(DetectionStatus.UNDETERMINED, List.of(), List.of());
    }

    /** The detected language; empty unless {@code DETECTED}, so that no caller uses a guess by accident. */
    public Optional<String> language() {
        return status == DetectionStatus.DETECTED ? Optional.of(candidates.getFirst().language()) : Optional.empty();
    }

    /** The most likely candidate even when unsure (for showing "maybe …" to a person); empty if undetermined. */
    public Optional<LanguageConfidence> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.getFirst());
    }

    /** Whether the text was found to be written in more than one language (see {@link #segments()}). */
    public boolean mixed() {
        return segments.size() > 1;
    }
}
