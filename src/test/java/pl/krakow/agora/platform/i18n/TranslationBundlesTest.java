package pl.krakow.agora.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every user-facing string comes from the bundles, in all four languages (style rule 8): the key
 * sets are equal, no value is empty, every pattern parses, every key a view asks for exists, and
 * views pass no literal text to components.
 */
class TranslationBundlesTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");

    private static Map<UiLanguage, ResourceBundle> bundles() {
        Map<UiLanguage, ResourceBundle> bundles = new TreeMap<>();
        for (UiLanguage language : UiLanguage.values()) {
            bundles.put(language, AgoraI18NProvider.bundle(language));
        }
        return bundles;
    }

    private static Set<String> ownKeys(ResourceBundle bundle) {
        return new TreeSet<>(bundle.keySet());
    }

    @Test
    void everyLanguageHasExactlyThePolishKeys() {
        Set<String> polish = ownKeys(AgoraI18NProvider.bundle(UiLanguage.PL));
        assertThat(polish).isNotEmpty();
        bundles().forEach((language, bundle) -> assertThat(ownKeys(bundle))
                .as("keys of %s", language).isEqualTo(polish));
    }

    @Test
    void noValueIsEmptyAndEveryPatternParses() {
        bundles().forEach((language, bundle) -> {
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                assertThat(value).as("%s in %s", key, language).isNotBlank();
                assertThat(value).as("%s in %s: use ’ instead of ' (MessageFormat)", key, language)
                        .doesNotContain("'");
                new MessageFormat(value, language.locale());
            }
        });
    }

    @Test
    void nonPolishBundlesAreActuallyTranslated() {
        ResourceBundle polish = AgoraI18NProvider.bundle(UiLanguage.PL);
        bundles().forEach((language, bundle) -> {
            if (language == UiLanguage.PL) {
                return;
            }
            long same = polish.keySet().stream()
                    .filter(key -> polish.getString(key).equals(bundle.getString(key)) && polish.getString(key).length() > 12)
                    .count();
            assertThat(same).as("long texts in %s identical to Polish", language).isZero();
        });
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Set<String> keys = ownKeys(AgoraI18NProvider.bundle(UiLanguage.PL));
        Pattern use = Pattern.compile("(?:getTranslation|title\\s*=)\\s*\\(?\\s*\"([a-z][a-z0-9.\\-]+)\"");
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = use.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(1);
                // a key ending in "." is the prefix of keys built at run time ("identity.role." + role)
                boolean known = key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key);
                if (!known) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("keys used in code but missing from the bundles").isEmpty();
    }

    @Test
    void viewsPassNoLiteralTextToComponents() throws IOException {
        Pattern literal = Pattern.compile(
                "new (?:H[1-6]|Paragraph|Span|Button|Anchor\\([^,]+,|Notification|Label|Text)\\(\\s*\"[^\"]*\\p{L}"
                        + "|\\.set(?:Text|Label|Placeholder|HelperText|AriaLabel|Title|Header)\\(\\s*\"[^\"]*\\p{L}"
                        + "|\\.setHeader\\(\\s*\"[^\"]*\\p{L}|Notification\\.show\\(\\s*\"");
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            if (!source.contains("com.vaadin.flow.component")) {
                continue;
            }
            Matcher m = literal.matcher(source);
            while (m.find()) {
                offenders.add(file.getFileName() + ": " + m.group());
            }
        }
        assertThat(offenders).as("literal user-facing text in views").isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
