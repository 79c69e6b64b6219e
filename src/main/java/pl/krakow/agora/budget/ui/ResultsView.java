package pl.krakow.agora.budget.ui;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import pl.krakow.agora.budget.EditionResults;
import pl.krakow.agora.budget.PoolResult;
import pl.krakow.agora.budget.ProjectResult;
import pl.krakow.agora.budget.ResultsService;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.budget.tally.TraceEntry;
import pl.krakow.agora.platform.AgoraException;

/**
 * The results of an edition (issue 9, item 5): per pool the winners with costs and scores, a bar
 * chart drawn as plain HTML (each bar's value is written beside it, the bar itself is decoration),
 * for every project the tally's reason in plain words (for MES the price each supporter paid and
 * how many paid), and the edition as a Pabulib file and as CSV to recount.
 */
@Route("budzet/wyniki")
@AnonymousAllowed
class ResultsView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ResultsService results;
    private String title = "";
    private boolean pointsFormat;

    ResultsView(ResultsService results) {
        this.results = results;
    }

    @Override
    public void setParameter(BeforeEvent event, Long editionId) {
        removeAll();
        EditionResults r;
        try {
            r = results.results(editionId);
        } catch (AgoraException notYet) {
            title = getTranslation("budget.results.heading");
            add(new H1(title), new Paragraph(getTranslation(notYet.messageKey())));
            return;
        }
        title = getTranslation("budget.results.title", r.edition().name());
        pointsFormat = r.edition().format().usesPoints();
        H1 h1 = new H1(title);
        add(h1, new Paragraph(getTranslation("budget.results.lead", r.ballots(),
                getTranslation("budget.rule." + r.edition().rule().code()))));
        Paragraph rule = new Paragraph(getTranslation("budget.rule." + r.edition().rule().code() + ".explain"));
        add(rule, new Paragraph(getTranslation("budget.results.tie." + r.edition().tieBreak().code())));
        for (PoolResult pool : r.pools()) {
            add(pool(editionId, pool));
        }
        Anchor csv = new Anchor(download(() -> results.exportCsv(editionId), "budzet-" + editionId + ".csv",
                "text/csv;charset=UTF-8"), getTranslation("budget.results.download-csv"));
        csv.setId("results-csv");
        Anchor ballots = new Anchor(BallotsView.path(editionId), getTranslation("budget.results.ballots"));
        add(new Paragraph(csv), new Paragraph(ballots));
    }

    private Section pool(long editionId, PoolResult pool) {
        Section s = new Section();
        String name = pool.pool().name() == null ? getTranslation("budget.pool.general") : pool.pool().name();
        H2 heading = new H2(getTranslation("budget.results.pool", name));
        heading.setId("pool-" + pool.pool().key());
        s.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        s.add(heading, new Paragraph(getTranslation("budget.results.pool-summary", Texts.money(this, pool.pool().budget()),
                Texts.money(this, pool.totalCost()), pool.voters())));
        if (pool.add1K() != null && pool.perVoterBudget() != null) {
            s.add(new Paragraph(getTranslation("budget.results.add1", pool.add1K(), Texts.money(this, pool.perVoterBudget()))));
        }
        s.add(new H3(getTranslation("budget.results.chart")));
        s.add(chart(pool));
        s.add(new H3(getTranslation("budget.results.why")));
        Div why = new Div();
        why.addClassName("agora-results-why");
        for (ProjectResult p : pool.projects()) {
            Paragraph line = new Paragraph();
            Span name2 = new Span(p.project().title());
            name2.getElement().setAttribute("lang", p.project().language());
            name2.getStyle().set("font-weight", "700");
            line.add(name2, new Span(" — " + getTranslation(p.funded() ? "budget.results.won" : "budget.results.lost") + ". "
                    + explain(pool, p)));
            why.add(line);
        }
        s.add(why);
        Anchor pb = new Anchor(download(() -> results.exportPabulib(editionId, pool.pool().key()),
                "budzet-" + editionId + "-" + pool.pool().key() + ".pb", "text/plain;charset=UTF-8"),
                getTranslation("budget.results.download-pb", name));
        pb.setId("results-pb-" + pool.pool().key());
        s.add(new Paragraph(pb));
        return s;
    }

    private Div chart(PoolResult pool) {
        Div chart = new Div();
        chart.addClassName("agora-bar-chart");
        chart.getElement().setAttribute("role", "list");
        BigDecimal max = pool.projects().stream().map(ProjectResult::score).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() == 0) {
            max = BigDecimal.ONE;
        }
        for (ProjectResult p : pool.projects()) {
            Div row = new Div();
            row.getElement().setAttribute("role", "listitem");
            row.getStyle().set("display", "grid").set("grid-template-columns", "minmax(10rem, 18rem) 1fr")
                    .set("gap", "var(--lumo-space-s)").set("align-items", "center").set("margin", "0.25rem 0");
            Span label = new Span(p.project().title() + " (" + score(pool, p) + "; " + Texts.money(this, p.project().cost())
                    + "; " + getTranslation(p.funded() ? "budget.results.won" : "budget.results.lost") + ")");
            Div track = new Div();
            track.getElement().setAttribute("aria-hidden", "true");
            track.getStyle().set("background", "var(--lumo-contrast-10pct)").set("height", "1.25rem").set("border-radius", "3px");
            Div bar = new Div();
            int percent = p.score().multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            bar.getStyle().set("width", percent + "%").set("height", "100%").set("border-radius", "3px")
                    .set("background", p.funded() ? "var(--lumo-success-color)" : "var(--lumo-contrast-50pct)");
            track.add(bar);
            row.add(label, track);
            chart.add(row);
        }
        return chart;
    }

    /** The tally's trace in plain words (TraceEntry: greedy step and budget left; MES round, price, payers). */
    private String explain(PoolResult pool, ProjectResult p) {
        TraceEntry t = p.trace();
        String cost = Texts.money(this, p.project().cost());
        if (t == null) {
            return "";
        }
        boolean mes = pool.rule() != Rule.GREEDY && pool.rule() != Rule.GREEDY_THRESHOLD;
        return switch (t.status()) {
            case FUNDED -> mes
                    ? getTranslation("budget.explain.mes.funded", t.step(), t.payers(), p.supporters(),
                            Texts.money(this, t.price()), Texts.money(this, t.moneyLeft()))
                    : getTranslation("budget.explain.greedy.funded", score(pool, p), t.step(), cost,
                            Texts.money(this, t.budgetLeft()));
            case DOES_NOT_FIT -> getTranslation("budget.explain.greedy.does-not-fit", score(pool, p), t.step(),
                    Texts.money(this, t.budgetLeft()), cost);
            case SUPPORTERS_CANNOT_AFFORD -> getTranslation("budget.explain.mes.cannot-afford", p.supporters(),
                    t.payers() == null ? 0 : t.payers(), t.moneyLeft() == null ? Texts.money(this, BigDecimal.ZERO)
                            : Texts.money(this, t.moneyLeft()), cost);
            case NO_SUPPORT -> getTranslation("budget.explain.no-support");
            case BELOW_THRESHOLD, BELOW_SUPPORT_SHARE -> getTranslation("budget.explain.below-threshold");
        };
    }

    /** "votes: 136" for approval ballots, "points: 412" for points ballots. */
    private String score(PoolResult pool, ProjectResult p) {
        return getTranslation(pointsFormat ? "budget.results.score.points" : "budget.results.score.votes", p.score().toPlainString());
    }

    private static DownloadHandler download(Supplier<String> content, String fileName, String type) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        });
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/wyniki/" + editionId;
    }
}
