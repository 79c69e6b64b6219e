package pl.krakow.agora.recommendation.ui;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.recommendation.CatalogueExport;
import pl.krakow.agora.recommendation.ChapterSummary;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.RecommendationQuery;
import pl.krakow.agora.recommendation.RecommendationSummary;
import pl.krakow.agora.recommendation.TargetGroup;
import pl.krakow.agora.recommendation.WorkflowStatus;
import pl.krakow.agora.translation.TranslatedText;

/**
 * The catalogue: the report's table of contents, full-text search and filters by chapter,
 * status, responsible unit and target group. The URL holds the whole search
 * ({@code /rekomendacje?q=tlumacz&rozdzial=7}), so a search can be bookmarked and shared, and the
 * browser's back button works.
 */
@Route(CatalogView.ROUTE)
@Menu(order = 10, title = "recommendation.nav.catalogue")
@AnonymousAllowed
class CatalogView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "rekomendacje";
    static final int PAGE = 25;

    private final RecommendationCatalog catalog;
    private final CatalogueExport export;
    private final UiLanguage reader;
    private final TextField search = new TextField();
    private final Select<Integer> chapter = new Select<>();
    private final Select<WorkflowStatus> status = new Select<>();
    private final ComboBox<String> unit = new ComboBox<>();
    private final Select<TargetGroup> group = new Select<>();
    private final Paragraph resultCount = new Paragraph();
    private final OrderedList results = new OrderedList();
    private final Div pager = new Div();
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final List<String> units;
    private boolean applying;
    private int page;

    CatalogView(RecommendationCatalog catalog, CatalogueExport export, CurrentUser currentUser) {
        this.catalog = catalog;
        this.export = export;
        this.reader = UiLanguage.of(getLocale());
        addClassName("agora-catalogue");
        List<ChapterSummary> chapters = catalog.chapters(reader);

        Paragraph lead = new Paragraph(getTranslation("recommendation.catalogue.lead"));
        lead.addClassName("agora-lead");
        Div links = new Div(new Anchor(DocumentView.ROUTE, getTranslation("recommendation.document.title")),
                new Anchor(WorkflowView.ROUTE, getTranslation("recommendation.workflow.title")));
        links.addClassName("agora-link-row");
        if (currentUser.isAuthenticated()) {
            links.add(new Anchor(ProposeView.ROUTE, getTranslation("recommendation.propose.title")));
        }
        add(new H1(getTranslation("recommendation.catalogue.title")), lead, links);

        Nav toc = new Nav();
        toc.addClassName("agora-toc");
        toc.getElement().setAttribute("aria-labelledby", "toc-heading");
        H2 tocHeading = new H2(getTranslation("recommendation.catalogue.chapters"));
        tocHeading.setId("toc-heading");
        OrderedList tocList = new OrderedList();
        for (ChapterSummary c : chapters) {
            // chapter 1 is the workflow scheme itself, not a list of recommendations
            Anchor link = new Anchor(c.number() == 1 ? WorkflowView.ROUTE : ROUTE + "?rozdzial=" + c.number(),
                    c.number() + ". " + c.title().text());
            link.getElement().setAttribute("lang", c.title().language());
            Span counts = new Span(" " + getTranslation("recommendation.catalogue.chapter-counts", c.sections(), c.items()));
            counts.addClassName("agora-muted");
            tocList.add(new ListItem(link, counts));
        }
        toc.add(tocHeading, tocList);

        search.setLabel(getTranslation("recommendation.catalogue.search"));
        search.setHelperText(getTranslation("recommendation.catalogue.search-help"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setId("catalogue-search");
        search.setMaxLength(200);
        search.addKeyPressListener(Key.ENTER, e -> navigate());
        search.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue().isEmpty()) {
                navigate();
            }
        });
        Button go = new Button(getTranslation("recommendation.catalogue.search-button"), e -> navigate());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.setId("catalogue-search-button");

        chapter.setLabel(getTranslation("recommendation.catalogue.filter.chapter"));
        chapter.setEmptySelectionAllowed(true);
        chapter.setEmptySelectionCaption(getTranslation("recommendation.catalogue.filter.all"));
        chapter.setItems(chapters.stream().map(ChapterSummary::number).toList());
        Map<Integer, String> chapterTitles = new HashMap<>();
        chapters.forEach(c -> chapterTitles.put(c.number(), c.number() + ". " + c.title().text()));
        chapter.setItemLabelGenerator(n -> n == null ? getTranslation("recommendation.catalogue.filter.all")
                : chapterTitles.getOrDefault(n, String.valueOf(n)));
        chapter.setId("filter-chapter");

        status.setLabel(getTranslation("recommendation.catalogue.filter.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("recommendation.catalogue.filter.all"));
        status.setItems(Arrays.stream(WorkflowStatus.values()).filter(WorkflowStatus::isPublic).toList());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("recommendation.catalogue.filter.all")
                : getTranslation(s.messageKey()));
        status.setId("filter-status");

        unit.setLabel(getTranslation("recommendation.catalogue.filter.unit"));
        units = catalog.responsibleUnits();
        unit.setItems(units);
        unit.setClearButtonVisible(true);
        unit.setId("filter-unit");

        group.setLabel(getTranslation("recommendation.catalogue.filter.group"));
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption(getTranslation("recommendation.catalogue.filter.all"));
        group.setItems(TargetGroup.values());
        group.setItemLabelGenerator(g -> g == null ? getTranslation("recommendation.catalogue.filter.all")
                : getTranslation(g.messageKey()));
        group.setId("filter-group");

        chapter.addValueChangeListener(e -> filterChanged());
        status.addValueChangeListener(e -> filterChanged());
        unit.addValueChangeListener(e -> filterChanged());
        group.addValueChangeListener(e -> filterChanged());

        Button clear = new Button(getTranslation("recommendation.catalogue.clear"), e -> getUI()
                .ifPresent(ui -> ui.navigate(ROUTE)));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div searchRow = new Div(search, go);
        searchRow.addClassName("agora-search-row");
        Div filters = new Div(chapter, status, unit, group, clear);
        filters.addClassName("agora-filters");
        Section searchSection = new Section(searchRow, filters);
        searchSection.getElement().setAttribute("role", "search");
        searchSection.getElement().setAttribute("aria-label", getTranslation("recommendation.catalogue.search-region"));

        resultCount.setId("catalogue-count");
        results.addClassName("agora-results");
        results.setId("catalogue-results");
        pager.addClassName("agora-pager");

        Anchor csv = new Anchor(download(() -> export.csv(reader), "rekomendacje.csv", "text/csv;charset=UTF-8"),
                getTranslation("recommendation.catalogue.export-csv"));
        Anchor json = new Anchor(download(() -> export.json(reader), "rekomendacje.json", "application/json"),
                getTranslation("recommendation.catalogue.export-json"));
        csv.setId("export-csv");
        json.setId("export-json");
        Div exports = new Div(new Span(getTranslation("recommendation.catalogue.export")), csv, json);
        exports.addClassName("agora-link-row");

        Section resultsSection = new Section(resultCount, results, pager, exports);
        resultsSection.getElement().setAttribute("aria-label", getTranslation("recommendation.catalogue.results"));
        Div columns = new Div(toc, new Div(searchSection, resultsSection));
        columns.addClassName("agora-catalogue-columns");
        add(columns, announcer);
    }

    private static DownloadHandler download(Supplier<byte[]> content, String fileName, String type) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        });
    }

    private void filterChanged() {
        if (!applying) {
            navigate();
        }
    }

    private void navigate() {
        Map<String, List<String>> params = new HashMap<>();
        String q = search.getValue().strip();
        if (!q.isEmpty()) {
            params.put("q", List.of(q));
        }
        if (chapter.getValue() != null) {
            params.put("rozdzial", List.of(String.valueOf(chapter.getValue())));
        }
        if (status.getValue() != null) {
            params.put("status", List.of(status.getValue().name()));
        }
        if (unit.getValue() != null) {
            params.put("jednostka", List.of(unit.getValue()));
        }
        if (group.getValue() != null) {
            params.put("grupa", List.of(group.getValue().name()));
        }
        getUI().ifPresent(ui -> ui.navigate(ROUTE, new QueryParameters(params)));
    }

    private void goToPage(int target) {
        Map<String, List<String>> params = new HashMap<>(getUI().map(ui -> ui.getActiveViewLocation()
                .getQueryParameters().getParameters()).orElse(Map.of()));
        params.put("strona", List.of(String.valueOf(target + 1)));
        getUI().ifPresent(ui -> ui.navigate(ROUTE, new QueryParameters(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        applying = true;
        try {
            search.setValue(first(params, "q").orElse(""));
            chapter.setValue(first(params, "rozdzial").flatMap(CatalogView::integer).orElse(null));
            status.setValue(first(params, "status").flatMap(s -> parse(WorkflowStatus.class, s))
                    .filter(WorkflowStatus::isPublic).orElse(null));
            unit.setValue(first(params, "jednostka").filter(units::contains).orElse(null));
            group.setValue(first(params, "grupa").flatMap(s -> parse(TargetGroup.class, s)).orElse(null));
            page = first(params, "strona").flatMap(CatalogView::integer).map(p -> Math.max(0, p - 1)).orElse(0);
        } finally {
            applying = false;
        }
        show(!params.isEmpty());
    }

    private void show(boolean announce) {
        RecommendationQuery query = new RecommendationQuery(blankToNull(search.getValue()), chapter.getValue(),
                status.getValue(), unit.getValue(), group.getValue());
        int total = catalog.count(query);
        int pages = Math.max(1, (total + PAGE - 1) / PAGE);
        page = Math.min(page, pages - 1);
        List<RecommendationSummary> found = catalog.search(query, reader, page * PAGE, PAGE);
        results.removeAll();
        results.getElement().setAttribute("start", String.valueOf(page * PAGE + 1));
        for (RecommendationSummary r : found) {
            results.add(new ListItem(card(r)));
        }
        String count = total == 0 ? getTranslation("recommendation.catalogue.none")
                : getTranslation("recommendation.catalogue.count", Formats.number(total, getLocale()));
        resultCount.setText(count);
        pager.removeAll();
        if (pages > 1) {
            Button previous = new Button(getTranslation("recommendation.catalogue.previous"), e -> goToPage(page - 1));
            previous.setEnabled(page > 0);
            Button next = new Button(getTranslation("recommendation.catalogue.next"), e -> goToPage(page + 1));
            next.setEnabled(page < pages - 1);
            Span where = new Span(getTranslation("recommendation.catalogue.page", page + 1, pages));
            pager.add(previous, where, next);
        }
        if (announce) {
            announcer.announce(count);
        }
    }

    private Article card(RecommendationSummary r) {
        Anchor title = new Anchor(RecommendationView.path(r.code()), r.code() + " " + r.title().text());
        title.getElement().setAttribute("lang", r.title().language());
        title.addClassName("agora-card-title");
        Div meta = new Div(new StatusBadge(r.status()));
        meta.addClassName("agora-card-meta");
        if (r.title().translationPending()) {
            Span pending = new Span(getTranslation("recommendation.catalogue.in-original"));
            pending.addClassName("agora-muted");
            meta.add(pending);
        }
        Article card = new Article(new com.vaadin.flow.component.html.H3(title), meta);
        if (!r.text().text().isEmpty()) {
            TranslatedText text = new TranslatedText(r.text());
            text.addClassName("agora-card-text");
            card.add(text);
        }
        card.addClassName("agora-result");
        return card;
    }

    private static Optional<String> first(Map<String, List<String>> params, String key) {
        List<String> values = params.getOrDefault(key, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.valueOf(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String s) {
        try {
            return Optional.of(Enum.valueOf(type, s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recommendation.catalogue.title") + " · " + getTranslation("app.name");
    }
}
