package pl.krakow.agora.translation.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.translation.PairStatistics;
import pl.krakow.agora.translation.TranslationWork;

/**
 * The coordinator's dashboard (issue 8, item 9): per language pair, what is waiting, how long
 * translation takes, how old the backlog is and how many translators work the pair — the figures
 * that tell where translators must be recruited.
 */
@Route(TranslationDashboardView.ROUTE)
@Menu(order = 41, title = "translation.nav.dashboard")
@RolesAllowed({"TRANSLATOR", "MODERATOR", "ADMIN"})
class TranslationDashboardView extends Div implements HasDynamicTitle {

    static final String ROUTE = "tlumaczenia/statystyki";

    TranslationDashboardView(TranslationWork work) {
        addClassName("agora-translation-dashboard");
        Grid<PairStatistics> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("translation.dashboard.title"));
        grid.addColumn(s -> name(s.pair().source()) + " → " + name(s.pair().target()))
                .setHeader(getTranslation("translation.dashboard.pair")).setAutoWidth(true);
        grid.addColumn(PairStatistics::open).setHeader(getTranslation("translation.dashboard.open"));
        grid.addColumn(PairStatistics::claimed).setHeader(getTranslation("translation.dashboard.claimed"));
        grid.addColumn(PairStatistics::awaitingReview).setHeader(getTranslation("translation.dashboard.review"));
        grid.addColumn(PairStatistics::approved).setHeader(getTranslation("translation.dashboard.approved"));
        grid.addColumn(s -> duration(s.medianTimeToTranslation()))
                .setHeader(getTranslation("translation.dashboard.median"));
        grid.addColumn(s -> age(s.oldestOpen())).setHeader(getTranslation("translation.dashboard.backlog-age"));
        grid.addColumn(PairStatistics::translators).setHeader(getTranslation("translation.dashboard.translators"));
        grid.setItems(work.statistics());
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("translation.dashboard.title")),
                new Paragraph(getTranslation("translation.dashboard.lead")), grid);
    }

    private String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long hours = d.toHours();
        return hours >= 48 ? getTranslation("translation.dashboard.days", Formats.number(d.toDays(), getLocale()))
                : getTranslation("translation.dashboard.hours", Formats.number(Math.max(hours, 0), getLocale()),
                        Formats.number(d.toMinutesPart(), getLocale()));
    }

    private String age(Instant since) {
        return since == null ? "–" : duration(Duration.between(since, Instant.now()));
    }

    private String name(String tag) {
        Locale reader = getLocale() == null ? Locale.forLanguageTag("pl") : getLocale();
        return Locale.forLanguageTag(tag).getDisplayLanguage(reader);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("translation.dashboard.title") + " · " + getTranslation("app.name");
    }
}
