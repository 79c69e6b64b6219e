package pl.krakow.agora.translation.detect;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Maps ISO 639-1 codes to Lingua's languages and back, so that no Lingua type leaks out of this package. */
final class LinguaLanguages {

    private static final Map<Language, String> CODES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            if (language != Language.UNKNOWN && language.getIsoCode639_1() != IsoCode639_1.NONE) {
                CODES.put(language, language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private LinguaLanguages() {
    }

    /** The Lingua language for a code, or an exception naming the supported codes. */
    static Language require(String code) {
        for (var entry : CODES.entrySet()) {
            if (entry.getValue().equals(code)) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("language not supported by Lingua 1.2.2: '" + code
                + "'; supported: " + String.join(",", new TreeSet<>(CODES.values())));
    }

    static String code(Language language) {
        String code = CODES.get(language);
        if (code == null) {
            throw new IllegalArgumentException("no ISO 639-1 code for " + language);
        }
        return code;
    }
}
