package pl.krakow.agora.platform.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the user interface is offered in. Polish is the default (the report's and the
 * city's language); English, Ukrainian and Russian cover most of Kraków's migrants (report 7.1.6, 8.6).
 * Each language names itself in its own language in the switcher, so nobody has to read a foreign
 * word to find their own.
 */
public enum UiLanguage {
    PL("pl", "Polski"),
    EN("en", "English"),
    UK("uk", "Українська"),
    RU("ru", "Русский");

    public static final UiLanguage DEFAULT = PL;

    private final String tag;
    private final String endonym;

    UiLanguage(String tag, String endonym) {
        this.tag = tag;
        this.endonym = endonym;
    }

    public String tag() {
        return tag;
    }

    public String endonym() {
        return endonym;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<UiLanguage> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }

    public static UiLanguage of(Locale locale) {
        return locale == null ? DEFAULT : fromTag(locale.toLanguageTag()).orElse(DEFAULT);
    }
}
