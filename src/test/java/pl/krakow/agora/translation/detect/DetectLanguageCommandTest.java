package pl.krakow.agora.translation.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DetectLanguageCommandTest {

    private static final String POLISH = "Rada Miasta Krakowa przyjęła budżet obywatelski na przyszły rok.";
    private static final String UKRAINIAN = "Міська рада ухвалила бюджет на наступний рік.";
    private static final String RUSSIAN = "Городской совет принял бюджет на следующий год.";
    private static final String ENGLISH = "The city council adopted the participatory budget for next year.";

    @Test
    void writesOneAnswerPerLineInOrder() {
        var result = CommandRunner.run(String.join("\n", POLISH, UKRAINIAN, RUSSIAN, ENGLISH, POLISH) + "\n");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).containsExactly("pl", "uk", "ru", "en", "pl");
    }

    @Test
    void emptyAndLetterlessLinesAreUnd() {
        var result = CommandRunner.run("\n" + POLISH + "\n\n😀😀\n12345\n   \n");

        assertThat(result.lines()).containsExactly("und", "pl", "und", "und", "und", "und");
    }

    @Test
    void handlesCrlfAndALastLineWithoutNewline() {
        var result = CommandRunner.run(POLISH + "\r\n\r\n" + ENGLISH + "\r\n" + UKRAINIAN);

        assertThat(result.lines()).containsExactly("pl", "und", "en", "uk");
    }

    @Test
    void aLoneCarriageReturnDoesNotSplitALine() {
        var result = CommandRunner.run(POLISH + "\r" + POLISH + "\n");

        assertThat(result.lines()).containsExactly("pl");
    }

    @Test
    void emptyInputWritesNothing() {
        var result = CommandRunner.run("");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void keepsOrderAcrossBatches() {
        List<String> texts = List.of(POLISH, UKRAINIAN, RUSSIAN, ENGLISH, "", "a");
        var input = new StringBuilder();
        var expected = new java.util.ArrayList<String>();
        var oneEach = CommandRunner.run(String.join("\n", texts) + "\n").lines();
        for (int i = 0; i < 10_000; i++) {
            input.append(texts.get(i % texts.size())).append('\n');
            expected.add(oneEach.get(i % texts.size()));
        }

        var result = CommandRunner.run(input.toString());

        assertThat(result.lines()).isEqualTo(expected);
    }

    @Test
    void readsUtf8WithByteOrderMark() {
        byte[] text = ("\uFEFF" + UKRAINIAN + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(CommandRunner.run(text).lines()).containsExactly("uk");
    }

    @Test
    void jsonHasLanguageAndSortedConfidences() {
        var result = CommandRunner.run(POLISH + "\n\n\"quoted\" \\ text\tend\n", "--json");

        List<String> lines = result.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"language\":\"pl\",\"confidence\":0.")
                .contains("\"confidences\":[{\"language\":\"pl\",\"confidence\":")
                .endsWith("\"text\":\"" + POLISH + "\"}");
        assertThat(lines.get(1)).isEqualTo("{\"language\":\"und\",\"confidence\":0.000000,\"confidences\":[],\"text\":\"\"}");
        assertThat(lines.get(2)).contains("\"text\":\"\\\"quoted\\\" \\\\ text\\tend\"");
        var numbers = Pattern.compile("\"confidence\":([0-9.]+)").matcher(lines.get(0)).results()
                .map(m -> Double.parseDouble(m.group(1))).toList();
        assertThat(numbers.subList(1, numbers.size())).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(numbers.getFirst()).isEqualTo(numbers.get(1));
    }

    @Test
    void minConfidenceTurnsWeakAnswersIntoUnd() {
        String input = "hello\n" + POLISH + "\n";

        assertThat(CommandRunner.run(input).lines()).doesNotContain("und");
        assertThat(CommandRunner.run(input, "--min-confidence", "0.9").lines()).containsExactly("und", "pl");
        assertThat(CommandRunner.run(input, "--min-confidence=0").lines()).doesNotContain("und");
        assertThat(CommandRunner.run(input, "--min-confidence", "1").lines()).containsExactly("und", "und");
    }

    @Test
    void restrictedLanguagesAreTheOnlyAnswers() {
        var result = CommandRunner.run(ENGLISH + "\n" + POLISH + "\n", "--languages", "pl,uk");

        assertThat(result.lines()).containsExactly("pl", "pl");
    }

    @Test
    void lowAccuracyModeAnswersToo() {
        var result = CommandRunner.run(POLISH + "\n" + UKRAINIAN + "\n", "--low-accuracy", "--languages=pl,uk,ru,en");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).containsExactly("pl", "uk");
    }

    @Test
    void acceptsItsOwnSubcommandName() {
        assertThat(CommandRunner.run(POLISH + "\n", "detect-language").lines()).containsExactly("pl");
    }

    @Test
    void helpPrintsUsage() {
        var result = CommandRunner.run("", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("usage: detect-language");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--min-confidence", "--min-confidence=abc", "--min-confidence=1.5",
            "--languages=pl,xx", "--languages=pl", "--json=yes", "--languages"})
    void badArgumentsExitWithTwo(String arg) {
        var result = CommandRunner.run(POLISH + "\n", arg.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("usage: detect-language");
    }
}
