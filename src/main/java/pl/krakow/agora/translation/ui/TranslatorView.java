package pl.krakow.agora.translation.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.translation.LanguagePair;
import pl.krakow.agora.translation.TranslationProperties;
import pl.krakow.agora.translation.TranslationQueue;
import pl.krakow.agora.translation.TranslationWork;
import pl.krakow.agora.translation.WorkItem;

/**
 * The translators' workbench (issue 8, item 6): their language pairs, the tasks they hold with
 * the original beside the editor, the open queue in their pairs, and the work waiting for a second
 * pair of eyes. Moderators see the review queue of every pair.
 */
@Route(TranslatorView.ROUTE)
@Menu(order = 40, title = "translation.nav.workbench")
@RolesAllowed({"TRANSLATOR", "MODERATOR"})
class TranslatorView extends Div implements HasDynamicTitle {

    static final String ROUTE = "tlumaczenia";
    static final int QUEUE = 30;

    private final TranslationWork work;
    private final TranslationQueue queue;
    private final TranslationProperties properties;
    private final boolean translator;
    private final Div body = new Div();
    private final TextField search = new TextField();
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);

    TranslatorView(TranslationWork work, TranslationQueue queue, TranslationProperties properties,
            CurrentUser currentUser) {
        this.work = work;
        this.queue = queue;
        this.properties = properties;
        this.translator = currentUser.hasRole(Role.TRANSLATOR);
        addClassName("agora-translator");
        search.setLabel(getTranslation("translation.workbench.queue-filter"));
        search.setHelperText(getTranslation("translation.workbench.queue-filter-help"));
        search.setClearButtonVisible(true);
        search.setId("queue-filter");
        search.addValueChangeListener(e -> {
            render();
            search.focus(); // the field was re-attached: keep the keyboard where it was
        });
        add(new H1(getTranslation("translation.workbench.title")),
                new Paragraph(getTranslation(properties.reviewRequired() ? "translation.workbench.lead-four-eyes"
                        : "translation.workbench.lead")), body, announcer);
        render();
    }

    private void render() {
        body.removeAll();
        body.add(search);
        if (translator) {
            body.add(pairs(), claims(), openQueue());
        }
        body.add(reviews());
    }

    private Section pairs() {
        Section section = section("translation.workbench.pairs", "pairs-heading");
        List<LanguagePair> mine = work.myPairs();
        if (mine.isEmpty()) {
            section.add(new Paragraph(getTranslation("translation.workbench.pairs-none")));
        } else {
            UnorderedList list = new UnorderedList();
            for (LanguagePair pair : mine) {
                Button remove = new Button(getTranslation("translation.workbench.remove-pair"),
                        e -> act(() -> work.removePair(pair), "translation.workbench.pair-removed"));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel(getTranslation("translation.workbench.remove-pair-named", pairName(pair)));
                list.add(new ListItem(new Span(pairName(pair) + " "), remove));
            }
            section.add(list);
        }
        List<String> sources = new ArrayList<>(properties.detection().languages());
        properties.uiLanguages().stream().filter(l -> !sources.contains(l)).forEach(sources::add);
        sources.sort((a, b) -> name(a).compareTo(name(b)));
        Select<String> from = new Select<>();
        from.setLabel(getTranslation("translation.workbench.from"));
        from.setItems(sources);
        from.setItemLabelGenerator(this::name);
        from.setId("pair-from");
        Select<String> to = new Select<>();
        to.setLabel(getTranslation("translation.workbench.to"));
        to.setItems(properties.uiLanguages());
        to.setItemLabelGenerator(this::name);
        to.setId("pair-to");
        Button add = new Button(getTranslation("translation.workbench.add-pair"), e -> {
            if (from.getValue() == null || to.getValue() == null) {
                announcer.announce(getTranslation("translation.error.bad-pair"));
                ErrorNotifier.show(getUI().orElseThrow(), new pl.krakow.agora.platform.AgoraException(
                        "translation.error.bad-pair"));
                return;
            }
            act(() -> work.addPair(new LanguagePair(from.getValue(), to.getValue())), "translation.workbench.pair-added");
        });
        add.setId("pair-add");
        Div form = new Div(from, to, add);
        form.addClassName("agora-filters");
        section.add(form);
        return section;
    }

    private Section claims() {
        Section section = section("translation.workbench.claims", "claims-heading");
        List<WorkItem> claims = work.myClaims();
        if (claims.isEmpty()) {
            section.add(new Paragraph(getTranslation("translation.workbench.claims-none")));
        }
        for (WorkItem item : claims) {
            Article card = card(item);
            if (item.reviewComment() != null) {
                Paragraph returned = new Paragraph(getTranslation("translation.workbench.returned", item.reviewComment()));
                returned.addClassName("agora-notice");
                card.add(returned);
            }
            TextArea editor = new TextArea(getTranslation("translation.workbench.translation-into", name(item.targetLanguage())));
            CharacterCounter.attach(editor, TranslationWork.MAX_TRANSLATION);
            editor.setWidthFull();
            editor.setMinHeight("8rem");
            editor.getElement().setAttribute("lang", item.targetLanguage());
            editor.setValue(item.translation() != null ? item.translation()
                    : work.machineDraft(item).orElse(""));
            editor.setId("translation-" + item.taskId());
            Button submit = new Button(getTranslation("translation.workbench.submit"),
                    e -> act(() -> work.submit(item.taskId(), editor.getValue()), properties.reviewRequired()
                            ? "translation.workbench.submitted-for-review" : "translation.workbench.published"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("submit-" + item.taskId());
            card.add(editor, submit);
            section.add(card);
        }
        return section;
    }

    private Section openQueue() {
        Section section = section("translation.workbench.queue", "queue-heading");
        List<WorkItem> open = work.queue(search.getValue(), QUEUE);
        if (open.isEmpty()) {
            section.add(new Paragraph(getTranslation("translation.workbench.queue-none")));
        }
        for (WorkItem item : open) {
            Article card = card(item);
            Button claim = new Button(getTranslation("translation.workbench.claim"), e -> {
                try {
                    boolean won = queue.claim(item.taskId());
                    announcer.announce(getTranslation(won ? "translation.workbench.claimed" : "translation.workbench.taken"));
                    render();
                } catch (RuntimeException error) {
                    getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
                }
            });
            claim.setId("claim-" + item.taskId());
            claim.setAriaLabel(getTranslation("translation.workbench.claim-named", item.taskId()));
            card.add(claim);
            section.add(card);
        }
        return section;
    }

    private Section reviews() {
        Section section = section("translation.workbench.review", "review-heading");
        List<WorkItem> waiting = work.reviewQueue(search.getValue(), QUEUE);
        if (waiting.isEmpty()) {
            section.add(new Paragraph(getTranslation("translation.workbench.review-none")));
        }
        for (WorkItem item : waiting) {
            Article card = card(item);
            Paragraph translation = new Paragraph(item.translation());
            translation.getElement().setAttribute("lang", item.targetLanguage());
            translation.addClassName("agora-work-text");
            Span by = new Span(getTranslation(item.translatorKind() == pl.krakow.agora.translation.TranslatorKind.PROJECT_TEAM
                    ? "translation.workbench.by-team" : "translation.workbench.by-volunteer"));
            by.addClassName("agora-muted");
            TextArea comment = new TextArea(getTranslation("translation.workbench.comment"));
            CharacterCounter.attach(comment, TranslationWork.MAX_COMMENT);
            comment.setWidthFull();
            comment.setId("comment-" + item.taskId());
            Button approve = new Button(getTranslation("translation.workbench.approve"),
                    e -> act(() -> work.approve(item.taskId()), "translation.workbench.approved"));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            approve.setId("approve-" + item.taskId());
            Button back = new Button(getTranslation("translation.workbench.send-back"),
                    e -> act(() -> work.sendBack(item.taskId(), comment.getValue()), "translation.workbench.sent-back"));
            back.setId("send-back-" + item.taskId());
            card.add(new H3(getTranslation("translation.workbench.translation-into", name(item.targetLanguage()))),
                    by, translation, comment, new Div(approve, back));
            section.add(card);
        }
        return section;
    }

    private Article card(WorkItem item) {
        Span meta = new Span(getTranslation("translation.workbench.meta", name(item.sourceLanguage()),
                name(item.targetLanguage()), Formats.dateTime(item.createdAt(), getLocale()),
                item.content().module() + "/" + item.content().type() + "/" + item.content().id()));
        meta.addClassName("agora-muted");
        Paragraph original = new Paragraph(item.original());
        original.getElement().setAttribute("lang", item.sourceLanguage());
        original.addClassName("agora-work-text");
        Article card = new Article(meta, new H3(getTranslation("translation.workbench.original")), original);
        card.addClassName("agora-work-card");
        return card;
    }

    private Section section(String key, String id) {
        H2 heading = new H2(getTranslation(key));
        heading.setId(id);
        Section section = new Section(heading);
        section.getElement().setAttribute("aria-labelledby", id);
        return section;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            announcer.announce(getTranslation(doneKey));
            render();
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    private String pairName(LanguagePair pair) {
        return name(pair.source()) + " → " + name(pair.target());
    }

    private String name(String tag) {
        Locale reader = getLocale() == null ? Locale.forLanguageTag("pl") : getLocale();
        return Locale.forLanguageTag(tag).getDisplayLanguage(reader);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("translation.workbench.title") + " · " + getTranslation("app.name");
    }
}
