package pl.krakow.agora.budget.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import com.vaadin.flow.component.Component;

import pl.krakow.agora.budget.BallotFormat;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.tally.Rational;
import pl.krakow.agora.platform.i18n.Formats;

/** Formatting shared by the budget views: money, phases and formats in the reader's language. */
final class Texts {

    private Texts() {
    }

    static String money(Component c, BigDecimal amount) {
        return Formats.money(amount, locale(c));
    }

    /** An exact amount shown to the grosz (the tally decided on the exact value). */
    static String money(Component c, Rational amount) {
        BigDecimal shown = BigDecimal.valueOf(amount.toDouble()).setScale(2, RoundingMode.HALF_UP);
        return Formats.money(shown, locale(c));
    }

    static Locale locale(Component c) {
        com.vaadin.flow.component.UI ui = c.getUI().orElse(com.vaadin.flow.component.UI.getCurrent());
        return ui == null || ui.getLocale() == null ? Locale.forLanguageTag("pl") : ui.getLocale();
    }

    static String format(Component c, Edition e) {
        BallotFormat f = e.format();
        return switch (f) {
            case APPROVAL -> c.getTranslation("budget.format.APPROVAL.text", e.maxChoices());
            case KNAPSACK -> c.getTranslation("budget.format.KNAPSACK.text");
            case CUMULATIVE -> c.getTranslation("budget.format.CUMULATIVE.text", e.totalPoints());
            case ORDINAL -> c.getTranslation("budget.format.ORDINAL.text", e.maxChoices(),
                    String.join("/", e.rankPoints().stream().map(String::valueOf).toList()));
        };
    }

    static String date(Component c, java.time.Instant when) {
        return Formats.dateTime(when, locale(c));
    }
}
