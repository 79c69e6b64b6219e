package pl.krakow.agora.recommendation.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.recommendation.CatalogueExport;
import pl.krakow.agora.discussion.ui.CommentsPanel;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.RecommendationDetail;
import pl.krakow.agora.recommendation.RecommendationKind;
import pl.krakow.agora.recommendation.RecommendationSummary;
import pl.krakow.agora.recommendation.StatusChange;
import pl.krakow.agora.recommendation.WorkflowStatus;
import pl.krakow.agora.translation.TranslatedText;

/**
 * One recommendation at its stable address ({@code /rekomendacje/7.1.6}, items
 * {@code /rekomendacje/7.1.6-2}, proposals {@code /rekomendacje/P-12}): the text with its
 * translation, the items of a section, the public status history, the status form for moderators,
 * and the discussion.
 */
@Route(RecommendationView.ROUTE)
@AnonymousAllowed
class RecommendationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Starts with a digit or "P", so that the other catalogue routes (schemat, wstep …) never match. */
    static final String ROUTE = "rekomendacje/:code([0-9P][0-9.P-]*)";

    private final RecommendationCatalog catalog;
    private final CurrentUser currentUser;
    private final UiLanguage reader;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private String title = "";

    RecommendationView(RecommendationCatalog catalog, CurrentUser currentUser) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.reader = UiLanguage.of(getLocale());
        addClassName("agora-recommendation");
    }

    static String path(String code) {
        return "rekomendacje/" + code;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        RecommendationDetail detail = catalog.find(code, reader).orElse(null);
        if (detail == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render(detail);
    }

    private void render(RecommendationDetail detail) {
        removeAll();
        RecommendationSummary r = detail.summary();
        title = r.code() + " " + r.title().text();

        Nav breadcrumbs = new Nav();
        breadcrumbs.addClassName("agora-breadcrumbs");
        breadcrumbs.getElement().setAttribute("aria-label", getTranslation("recommendation.item.breadcrumbs"));
        OrderedList trail = new OrderedList(new ListItem(new Anchor(CatalogView.ROUTE,
                getTranslation("recommendation.catalogue.title"))));
        if (r.chapter() != null && detail.chapterTitle() != null) {
            Anchor chapterLink = new Anchor(CatalogView.ROUTE + "?rozdzial=" + r.chapter(),
                    r.chapter() + ". " + detail.chapterTitle().text());
            chapterLink.getElement().setAttribute("lang", detail.chapterTitle().language());
            trail.add(new ListItem(chapterLink));
        }
        if (detail.sectionTitle() != null && r.section() != null) {
            Anchor sectionLink = new Anchor(path(r.section()), r.section() + " " + detail.sectionTitle().text());
            sectionLink.getElement().setAttribute("lang", detail.sectionTitle().language());
            trail.add(new ListItem(sectionLink));
        }
        breadcrumbs.add(trail);

        H1 heading = new H1();
        Span number = new Span(r.code() + " ");
        Span titleText = new Span(r.title().text());
        titleText.getElement().setAttribute("lang", r.title().language());
        heading.add(number, titleText);

        Div meta = new Div(new StatusBadge(r.status()),
                new Span(getTranslation("recommendation.kind." + r.kind().name())));
        meta.addClassName("agora-card-meta");
        add(breadcrumbs, heading, meta);
        if (r.kind() == RecommendationKind.PROPOSAL && !r.status().isPublic()) {
            Paragraph privateNote = new Paragraph(getTranslation("recommendation.item.not-public"));
            privateNote.addClassName("agora-notice");
            add(privateNote);
        }
        if (r.title().isTranslation()) {
            Span original = new Span(r.title().original());
            original.getElement().setAttribute("lang", r.title().originalLanguage());
            Paragraph originalTitle = new Paragraph(new Span(getTranslation("recommendation.item.original-title") + " "),
                    original);
            originalTitle.addClassName("agora-translation-note");
            add(originalTitle);
        }
        if (!r.text().text().isEmpty()) {
            add(new TranslatedText(r.text(), n -> DocumentView.ROUTE + "#przypis-" + n));
        }

        if (!detail.items().isEmpty()) {
            Section items = new Section(heading(getTranslation("recommendation.item.items", detail.items().size()),
                    "items-heading"));
            items.getElement().setAttribute("aria-labelledby", "items-heading");
            OrderedList list = new OrderedList();
            list.addClassName("agora-results");
            for (RecommendationSummary item : detail.items()) {
                Anchor link = new Anchor(path(item.code()), item.code() + " " + item.title().text());
                link.getElement().setAttribute("lang", item.title().language());
                list.add(new ListItem(new com.vaadin.flow.component.html.H3(link), new StatusBadge(item.status()),
                        new TranslatedText(item.text())));
            }
            items.add(list);
            add(items);
        }

        Div tags = new Div();
        tags.addClassName("agora-tags");
        if (!r.responsibleUnits().isEmpty()) {
            tags.add(labelled(getTranslation("recommendation.item.units"), r.responsibleUnits()));
        }
        if (!r.targetGroups().isEmpty()) {
            tags.add(labelled(getTranslation("recommendation.item.groups"),
                    r.targetGroups().stream().map(g -> getTranslation(g.messageKey())).toList()));
        }
        add(tags);

        add(history(detail.history(), r.kind()));
        if (currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN)) {
            add(statusForm(r));
        }
        if (r.status().isPublic()) {
            Section discussion = new Section(heading(getTranslation("recommendation.item.discussion"),
                    "discussion-heading"));
            discussion.getElement().setAttribute("aria-labelledby", "discussion-heading");
            discussion.add(new CommentsPanel(CatalogueExport.thread(r.code())));
            add(discussion);
        }
        add(announcer);
    }

    private Section history(List<StatusChange> changes, RecommendationKind kind) {
        Section section = new Section(heading(getTranslation("recommendation.item.history"), "history-heading"));
        section.getElement().setAttribute("aria-labelledby", "history-heading");
        OrderedList list = new OrderedList();
        list.addClassName("agora-history");
        list.setId("status-history");
        for (StatusChange change : changes) {
            ListItem entry = new ListItem();
            Span when = new Span(Formats.dateTime(change.changedAt(), getLocale()) + " · ");
            if (change.from() == null) {
                entry.add(when, new Span(getTranslation(kind == RecommendationKind.PROPOSAL
                        ? "recommendation.history.proposed" : "recommendation.history.from-report",
                        getTranslation(change.to().messageKey()))));
            } else {
                entry.add(when, new Span(getTranslation("recommendation.history.changed",
                        getTranslation(change.from().messageKey()), getTranslation(change.to().messageKey()),
                        change.changedBy())));
                Paragraph reason = new Paragraph(change.reason());
                reason.addClassName("agora-history-reason");
                entry.add(reason);
            }
            list.add(entry);
        }
        section.add(list);
        return section;
    }

    private Section statusForm(RecommendationSummary r) {
        Section section = new Section(heading(getTranslation("recommendation.status-form.title"), "status-heading"));
        section.getElement().setAttribute("aria-labelledby", "status-heading");
        section.addClassName("agora-status-form");
        Select<WorkflowStatus> target = new Select<>();
        target.setLabel(getTranslation("recommendation.status-form.target"));
        target.setItems(r.status().next().stream().sorted().toList());
        target.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        target.setId("status-target");
        TextArea reason = new TextArea(getTranslation("recommendation.status-form.reason"));
        CharacterCounter.attach(reason, RecommendationCatalog.MAX_REASON);
        reason.setRequired(true);
        reason.setId("status-reason");
        reason.setWidthFull();
        Button save = new Button(getTranslation("recommendation.status-form.save"), e -> {
            if (target.getValue() == null) {
                target.setInvalid(true);
                target.setErrorMessage(getTranslation("recommendation.error.choose-status"));
                target.focus();
                return;
            }
            try {
                catalog.changeStatus(r.code(), target.getValue(), reason.getValue());
                announcer.announce(getTranslation("recommendation.status-form.saved",
                        getTranslation(target.getValue().messageKey())));
                catalog.find(r.code(), reader).ifPresent(this::render);
            } catch (RuntimeException error) {
                getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("status-save");
        section.add(target, reason, save);
        return section;
    }

    private static H2 heading(String text, String id) {
        H2 h = new H2(text);
        h.setId(id);
        return h;
    }

    private static Div labelled(String label, List<String> values) {
        UnorderedList list = new UnorderedList();
        values.forEach(v -> list.add(new ListItem(v)));
        Div div = new Div(new Span(label), list);
        div.addClassName("agora-tag-list");
        return div;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
