package pl.krakow.agora.translation.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the command's default path (platform languages, high accuracy, no --min-confidence) on the shared
 * Lingua test texts, against Lingua 1.2.2's published high-accuracy figures (shared/data/langid/README.md).
 * Those were measured with all 75 languages on 1,000 lines; the platform's 21 are fewer rivals, so the figures
 * here should be at least as high, and at most 2 points lower on these first 100 lines.
 */
class AccuracyTest {

    private static final double TOLERANCE = 2.0;

    @ParameterizedTest(name = "{0} {1}: published {2} %")
    @CsvSource({
            "pl, sentences, 99.9", "uk, sentences, 95.2", "ru, sentences, 97.8", "en, sentences, 99.1",
            "pl, word-pairs, 98.4", "uk, word-pairs, 97.3", "ru, word-pairs, 94.8", "en, word-pairs, 88.6"})
    void commandIsAsAccurateAsLinguaPublishes(String language, String kind, double published) {
        List<String> texts = SharedData.lines(kind, language);
        CommandRunner result = CommandRunner.run(String.join("\n", texts) + "\n");

        List<String> answers = result.lines();
        assertThat(answers).hasSameSizeAs(texts);
        long right = answers.stream().filter(language::equals).count();
        double accuracy = 100.0 * right / texts.size();
        System.out.printf("accuracy %s %-10s %5.1f %% (published %5.1f %%)%n", language, kind, accuracy, published);
        assertThat(accuracy).isGreaterThanOrEqualTo(published - TOLERANCE);
    }
}
