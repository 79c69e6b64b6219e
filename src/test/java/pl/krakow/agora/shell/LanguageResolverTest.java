package pl.krakow.agora.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.platform.i18n.UiLanguage;

class LanguageResolverTest {

    @Test
    void browserLanguagesPickTheBestOfferedLanguage() {
        assertThat(LanguageResolver.fromAcceptLanguage("uk-UA,uk;q=0.9,en;q=0.8")).contains(UiLanguage.UK);
        assertThat(LanguageResolver.fromAcceptLanguage("de-DE,de;q=0.9,ru;q=0.5")).contains(UiLanguage.RU);
        assertThat(LanguageResolver.fromAcceptLanguage("pl")).contains(UiLanguage.PL);
    }

    @Test
    void noOfferedOrMalformedLanguageGivesNothing() {
        assertThat(LanguageResolver.fromAcceptLanguage("vi-VN")).isEmpty();
        assertThat(LanguageResolver.fromAcceptLanguage(";;;q=x")).isEmpty();
        assertThat(LanguageResolver.fromAcceptLanguage(null)).isEmpty();
    }
}
