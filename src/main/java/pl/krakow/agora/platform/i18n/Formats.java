package pl.krakow.agora.platform.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;

/** Dates, numbers and money formatted per UI locale; Agora's times are Kraków's. */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
    private static final Currency PLN = Currency.getInstance("PLN");

    private Formats() {
    }

    public static String date(TemporalAccessor date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE).format(date);
    }

    public static String dateTime(TemporalAccessor instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE)
                .format(instant);
    }

    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public static String money(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(PLN);
        return format.format(amount);
    }
}
