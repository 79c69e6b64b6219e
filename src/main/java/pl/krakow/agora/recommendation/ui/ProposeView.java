package pl.krakow.agora.recommendation.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.recommendation.ChapterSummary;
import pl.krakow.agora.recommendation.Proposal;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.RecommendationSummary;

/**
 * A resident proposes a new recommendation (issue 5, item 5). It is saved as PROPOSED and
 * becomes public when a moderator moves it to review; until then only its author and the
 * moderators see it. Moderators find the waiting proposals here too.
 */
@Route(ProposeView.ROUTE)
@Menu(order = 11, title = "recommendation.nav.propose")
@PermitAll
class ProposeView extends Div implements HasDynamicTitle {

    static final String ROUTE = "rekomendacje/zaproponuj";

    private final RecommendationCatalog catalog;
    private final UiLanguage reader;
    private final TextField title = new TextField();
    private final TextArea text = new TextArea();
    private final Select<Integer> chapter = new Select<>();

    ProposeView(RecommendationCatalog catalog, CurrentUser currentUser) {
        this.catalog = catalog;
        this.reader = UiLanguage.of(getLocale());
        addClassName("agora-propose");
        add(new H1(getTranslation("recommendation.propose.title")),
                new Paragraph(getTranslation("recommendation.propose.lead")));

        title.setLabel(getTranslation("recommendation.propose.field.title"));
        CharacterCounter.attach(title, RecommendationCatalog.MAX_TITLE);
        title.setId("proposal-title");
        title.setRequired(true);
        title.setWidthFull();
        text.setLabel(getTranslation("recommendation.propose.field.text"));
        CharacterCounter.attach(text, RecommendationCatalog.MAX_TEXT);
        text.setId("proposal-text");
        text.setRequired(true);
        text.setWidthFull();
        text.setMinHeight("10rem");
        List<ChapterSummary> chapters = catalog.chapters(reader);
        chapter.setLabel(getTranslation("recommendation.propose.field.chapter"));
        chapter.setEmptySelectionAllowed(true);
        chapter.setEmptySelectionCaption(getTranslation("recommendation.propose.no-chapter"));
        chapter.setItems(chapters.stream().map(ChapterSummary::number).toList());
        chapter.setItemLabelGenerator(n -> n == null ? getTranslation("recommendation.propose.no-chapter")
                : chapters.stream().filter(c -> c.number() == n).findFirst()
                        .map(c -> n + ". " + c.title().text()).orElse(String.valueOf(n)));
        chapter.setId("proposal-chapter");
        Button send = new Button(getTranslation("recommendation.propose.send"), e -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("proposal-send");
        add(title, text, chapter, send);

        Section mine = new Section(new H2(getTranslation("recommendation.propose.mine")));
        mine.add(list(catalog.myProposals(reader), "recommendation.propose.mine-none"));
        add(mine);
        if (currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN)) {
            Section waiting = new Section(new H2(getTranslation("recommendation.propose.waiting")));
            waiting.setId("proposals-waiting");
            waiting.add(list(catalog.proposalsAwaitingModeration(reader), "recommendation.propose.waiting-none"));
            add(waiting);
        }
    }

    private void send() {
        try {
            String code = catalog.propose(new Proposal(title.getValue(), text.getValue(), chapter.getValue()), reader);
            getUI().ifPresent(ui -> {
                ui.navigate(RecommendationView.path(code));
                com.vaadin.flow.component.notification.Notification.show(
                        getTranslation("recommendation.propose.sent"), 8000,
                        com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER);
            });
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    private com.vaadin.flow.component.Component list(List<RecommendationSummary> proposals, String noneKey) {
        if (proposals.isEmpty()) {
            return new Paragraph(getTranslation(noneKey));
        }
        UnorderedList list = new UnorderedList();
        for (RecommendationSummary p : proposals) {
            Anchor link = new Anchor(RecommendationView.path(p.code()), p.code() + " " + p.title().text());
            link.getElement().setAttribute("lang", p.title().language());
            list.add(new ListItem(link, new com.vaadin.flow.component.html.Span(" "), new StatusBadge(p.status())));
        }
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recommendation.propose.title") + " · " + getTranslation("app.name");
    }
}
