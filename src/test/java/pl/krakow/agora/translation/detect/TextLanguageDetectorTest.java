package pl.krakow.agora.translation.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextLanguageDetectorTest {

    private final TextLanguageDetector detector = SharedDetector.platform();

    @ParameterizedTest
    @ValueSource(strings = {"a", "to", "ok", "я", "ß", "є", "Ok!", " w "})
    void oneOrTwoLettersAreUnsureWithCandidates(String text) {
        LanguageDetection d = detector.detect(text);

        assertThat(d.status()).isEqualTo(DetectionStatus.UNSURE);
        assertThat(d.candidates()).isNotEmpty();
        assertThat(d.language()).isEmpty();
        assertThat(d.best()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "😀😀😀", "👍", "🇵🇱 🎉", "12345", "3,14 + 2 = 5.14", "2024-05-01 12:00", "!!! ???",
            "\t\n", "💯 100 %"})
    void textsWithoutLettersAreUndetermined(String text) {
        LanguageDetection d = detector.detect(text);

        assertThat(d.status()).isEqualTo(DetectionStatus.UNDETERMINED);
        assertThat(d.candidates()).isEmpty();
        assertThat(d.language()).isEmpty();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Я живу в Києві і дуже люблю це місто.|uk",
            "Я живу в Москве и очень люблю этот город.|ru",
            "Я жыву ў Мінску і вельмі люблю гэты горад.|be",
            "Дякую за вашу допомогу.|uk",
            "Спасибо за вашу помощь.|ru",
            "Дзякуй за вашу дапамогу.|be",
            "Де знаходиться зупинка автобуса?|uk",
            "Где находится остановка автобуса?|ru",
            "Дзе знаходзіцца прыпынак аўтобуса?|be"})
    void ukrainianRussianAndBelarusianShortSentencesAreTold(String text, String language) {
        LanguageDetection d = detector.detect(text);

        assertThat(d.status()).isEqualTo(DetectionStatus.DETECTED);
        assertThat(d.language()).contains(language);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Rada Miasta Krakowa przyjęła budżet obywatelski na przyszły rok.|pl",
            "The city council adopted the participatory budget for next year.|en",
            "Der Stadtrat hat den Bürgerhaushalt für das nächste Jahr beschlossen.|de",
            "Hội đồng thành phố đã thông qua ngân sách cho năm tới.|vi",
            "ქალაქის საბჭომ მომავალი წლის ბიუჯეტი მიიღო.|ka",
            "Քաղաքային խորհուրդը ընդունեց հաջորդ տարվա բյուջեն։|hy",
            "מועצת העיר אישרה את התקציב לשנה הבאה.|he",
            "市议会通过了明年的参与式预算。|zh"})
    void clearSentencesAreDetected(String text, String language) {
        LanguageDetection d = detector.detect(text);

        assertThat(d.status()).isEqualTo(DetectionStatus.DETECTED);
        assertThat(d.language()).contains(language);
        assertThat(d.candidates().getFirst().confidence()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void candidatesAreSortedAndSumToOne() {
        List<LanguageConfidence> candidates = detector.confidences("Dzień dobry, jak się masz?");

        assertThat(candidates.getFirst().language()).isEqualTo("pl");
        assertThat(candidates).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(candidates.stream().mapToDouble(LanguageConfidence::confidence).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void ambiguousWordIsUnsure() {
        // "hello" scores close for Italian, Spanish and English in Lingua's models.
        assertThat(detector.detect("hello").status()).isEqualTo(DetectionStatus.UNSURE);
    }

    @Test
    void stricterThresholdsMakeAnswersUnsure() {
        var strict = new DetectionSettings(detector.settings().languages(), false, true, 1.0, 0.1, 3, 200);
        var d = SharedDetector.get(strict).detect("Dzień dobry, jak się masz? Wszystko w porządku.");

        assertThat(d.status()).isEqualTo(DetectionStatus.UNSURE);
        assertThat(d.best().orElseThrow().language()).isEqualTo("pl");
    }

    @Test
    void mixedLanguageTextReportsItsParts() {
        String polish = "Proponujemy budowę nowego parku przy ulicy Lea, z placem zabaw i ławkami dla seniorów. "
                + "Park połączy dwa osiedla i da mieszkańcom miejsce do spotkań. ";
        String ukrainian = "Ми пропонуємо збудувати новий парк біля вулиці Лея з дитячим майданчиком і лавками. "
                + "Парк поєднає два житлові райони та дасть мешканцям місце для зустрічей.";
        String text = polish + ukrainian;

        LanguageDetection d = detector.detect(text);

        assertThat(d.mixed()).isTrue();
        assertThat(d.segments()).extracting(LanguageSegment::language).containsExactly("pl", "uk");
        assertThat(d.segments().getFirst().start()).isZero();
        assertThat(d.segments().getLast().end()).isEqualTo(text.length());
        assertThat(d.segments().get(1).start()).isEqualTo(polish.length());
    }

    @Test
    void singleLanguageLongTextHasNoParts() {
        String text = String.join(" ", SharedData.lines("sentences", "pl").subList(0, 5));

        LanguageDetection d = detector.detect(text);

        assertThat(text.length()).isGreaterThanOrEqualTo(detector.settings().mixedMinLength());
        assertThat(d.language()).contains("pl");
        assertThat(d.mixed()).isFalse();
        assertThat(d.segments()).isEmpty();
    }

    @Test
    void shortTextIsNotSplit() {
        var d = detector.detect("Dzień dobry. Good morning.");

        assertThat(d.segments()).isEmpty();
    }

    @Test
    void unsupportedOrTooFewLanguagesAreRefused() {
        assertThatThrownBy(() -> DetectionSettings.defaults().withLanguages("pl", "xx"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xx'");
        assertThatThrownBy(() -> DetectionSettings.defaults().withLanguages("pl"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DetectionSettings.defaults().withThresholds(1.5, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultLanguagesAreAllSupportedAndIncludeTheUiLanguages() {
        assertThat(DetectionSettings.defaults().languages())
                .containsAll(DetectionSettings.DEFAULT_LANGUAGES)
                .contains("pl", "uk", "ru", "en", "be", "ka", "hy");
    }

    @Test
    void resultRefusesAGuessWithoutCandidates() {
        assertThatThrownBy(() -> new LanguageDetection(DetectionStatus.DETECTED, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
