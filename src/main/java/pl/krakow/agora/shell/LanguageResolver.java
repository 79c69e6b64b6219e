package pl.krakow.agora.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.server.VaadinRequest;

import org.springframework.stereotype.Component;

import pl.krakow.agora.identity.UserPreferences;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Which language to speak to a visitor: the signed-in user's saved choice, else the choice remembered
 * in a cookie, else the best match of the browser's languages, else Polish.
 */
@Component
class LanguageResolver {

    static final String COOKIE = "agora-lang";
    private final UserPreferences preferences;

    LanguageResolver(UserPreferences preferences) {
        this.preferences = preferences;
    }

    UiLanguage resolve(VaadinRequest request) {
        return preferences.preferredLanguage()
                .or(() -> fromCookie(request))
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(UiLanguage.DEFAULT);
    }

    private static Optional<UiLanguage> fromCookie(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> UiLanguage.fromTag(c.getValue()));
    }

    static Optional<UiLanguage> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            List<Locale> offered = Arrays.stream(UiLanguage.values()).map(UiLanguage::locale).toList();
            return Optional.ofNullable(Locale.lookup(ranges, offered)).map(UiLanguage::of);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
