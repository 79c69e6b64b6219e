package pl.krakow.agora.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Money is always PLN, written the way each UI language writes it; dates are Kraków's. */
class FormatsTest {

    @Test
    void moneyIsPlnInEveryLanguage() {
        BigDecimal amount = new BigDecimal("1234.50");
        assertThat(Formats.money(amount, UiLanguage.PL.locale())).contains("zł").contains("234,50");
        assertThat(Formats.money(amount, UiLanguage.EN.locale())).contains("PLN").contains("1,234.50");
        assertThat(Formats.money(amount, UiLanguage.UK.locale())).contains("234,50");
        assertThat(Formats.money(amount, UiLanguage.RU.locale())).contains("234,50");
    }

    @Test
    void datesUseTheLanguageAndKrakowTime() {
        // 23:30 UTC on 31 December is already 1 January in Kraków
        Instant newYear = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(Formats.date(newYear, UiLanguage.PL.locale())).contains("stycznia").contains("2027");
        assertThat(Formats.date(newYear, UiLanguage.UK.locale())).contains("січня");
        assertThat(Formats.date(newYear, UiLanguage.RU.locale())).contains("января");
        assertThat(Formats.number(1234567, UiLanguage.EN.locale())).isEqualTo("1,234,567");
    }
}
