package pl.krakow.agora.translation;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import pl.krakow.agora.translation.detect.DetectionSettings;

/**
 * {@code agora.translation.*}.
 *
 * @param detection   which languages Lingua tells apart and how sure it must be
 * @param uiLanguages the languages readers read in: one translation task per language the text is not in
 */
@ConfigurationProperties("agora.translation")
public record TranslationProperties(Detection detection, List<String> uiLanguages, @Nullable Boolean fourEyes,
        @Nullable Duration claimDuration) {

    /** A second person approves every translation before readers see it; off, a submission is published at once. */
    public boolean reviewRequired() {
        return fourEyes == null || fourEyes;
    }

    /** How long a claim holds before another translator may take the task over. */
    public Duration claimFor() {
        return claimDuration == null ? Duration.ofHours(2) : claimDuration;
    }

    public TranslationProperties {
        detection = detection == null ? new Detection(null, false, true, 0.5, 0.1) : detection;
        uiLanguages = uiLanguages == null || uiLanguages.isEmpty() ? List.of("pl", "en", "uk", "ru")
                : List.copyOf(uiLanguages);
    }

    /**
     * @param languages     ISO 639-1 codes; empty means the platform's default set (21 languages)
     * @param lowAccuracy   Lingua's low-accuracy mode: 20 MiB of models instead of about 500 MiB
     * @param preload       load every model in the background at start-up, so that no request waits
     * @param minConfidence below this top confidence a detection is "unsure"
     * @param minMargin     below this lead over the runner-up a detection is "unsure"
     */
    public record Detection(List<String> languages, boolean lowAccuracy, boolean preload, double minConfidence,
            double minMargin) {

        public Detection {
            languages = languages == null || languages.isEmpty() ? DetectionSettings.DEFAULT_LANGUAGES
                    : List.copyOf(languages);
        }

        DetectionSettings settings() {
            return DetectionSettings.defaults().withLanguages(languages).withLowAccuracy(lowAccuracy)
                    .withPreload(preload).withThresholds(minConfidence, minMargin);
        }
    }
}
