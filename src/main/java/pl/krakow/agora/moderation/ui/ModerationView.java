package pl.krakow.agora.moderation.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.moderation.DecisionAction;
import pl.krakow.agora.moderation.FlagView;
import pl.krakow.agora.moderation.ModeratedItem;
import pl.krakow.agora.moderation.ModerationCase;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.ui.Announcer;

/**
 * The moderators' queue (issue 5, item 10): flagged content, the most flagged first, with the
 * reasons readers gave; hide it or keep it (dismiss the flags), always with a reason. Below it the
 * content that is hidden now, to restore. Texts are shown as plain text.
 */
@Route("moderacja")
@Menu(order = 70, title = "moderation.nav.queue")
@RolesAllowed({"MODERATOR", "ADMIN"})
class ModerationView extends Div implements HasDynamicTitle {

    static final int LIMIT = 100;
    private final ModerationService moderation;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final Div queue = new Div();
    private final Div hidden = new Div();
    private final H2 queueHeading = new H2();
    private final H2 hiddenHeading = new H2();

    ModerationView(ModerationService moderation) {
        this.moderation = moderation;
        addClassName("agora-moderation");
        queueHeading.setId("moderation-queue-heading");
        hiddenHeading.setId("moderation-hidden-heading");
        Section queueSection = new Section(queueHeading, queue);
        queueSection.getElement().setAttribute("aria-labelledby", queueHeading.getId().orElseThrow());
        queue.setId("moderation-queue");
        Section hiddenSection = new Section(hiddenHeading, hidden);
        hiddenSection.getElement().setAttribute("aria-labelledby", hiddenHeading.getId().orElseThrow());
        hidden.setId("moderation-hidden");
        add(new H1(getTranslation("moderation.queue.title")), new Paragraph(getTranslation("moderation.queue.lead")),
                queueSection, hiddenSection, announcer);
        refresh();
    }

    private void refresh() {
        List<ModerationCase> open = moderation.queue(LIMIT);
        List<ModerationCase> hiddenCases = moderation.hidden(LIMIT);
        queueHeading.setText(getTranslation("moderation.queue.flagged", open.size()));
        hiddenHeading.setText(getTranslation("moderation.queue.hidden", hiddenCases.size()));
        queue.removeAll();
        hidden.removeAll();
        if (open.isEmpty()) {
            queue.add(new Paragraph(getTranslation("moderation.queue.empty")));
        }
        open.forEach(c -> queue.add(card(c, true)));
        if (hiddenCases.isEmpty()) {
            hidden.add(new Paragraph(getTranslation("moderation.queue.hidden-empty")));
        }
        hiddenCases.forEach(c -> hidden.add(card(c, false)));
    }

    private Article card(ModerationCase entry, boolean flagged) {
        Article card = new Article();
        String id = "case-" + entry.content().module() + "-" + entry.content().type() + "-" + entry.content().id();
        card.setId(id);
        card.addClassName("agora-moderation-case");
        ModeratedItem item = entry.item();
        H3 title = new H3(item == null ? getTranslation("moderation.case.gone", entry.content().toString())
                : getTranslation("moderation.case.title", item.authorName()));
        title.setId(id + "-title");
        card.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        card.add(title);
        if (flagged) {
            String reasons = entry.reasons().entrySet().stream()
                    .map(r -> getTranslation("moderation.reason." + r.getKey().name()) + ": " + r.getValue())
                    .collect(Collectors.joining(", "));
            Paragraph count = new Paragraph(getTranslation("moderation.case.flags", entry.openFlags(), reasons));
            count.addClassName("agora-moderation-flags");
            count.setId(id + "-flags");
            card.add(count);
            UnorderedList details = new UnorderedList();
            for (FlagView flag : entry.flags()) {
                if (flag.details() != null) {
                    details.add(new ListItem(getTranslation("moderation.case.flag-detail",
                            getTranslation("moderation.reason." + flag.reason().name()), flag.details(),
                            Formats.dateTime(flag.flaggedAt(), getLocale()))));
                }
            }
            if (details.getChildren().findAny().isPresent()) {
                card.add(details);
            }
        }
        if (item != null) {
            Div text = new Div();
            text.addClassName("agora-moderation-text");
            text.getElement().setAttribute("dir", "auto");
            text.setText(item.text());
            card.add(text);
            card.add(new Paragraph(getTranslation("moderation.case.meta", item.context(),
                    Formats.dateTime(item.createdAt(), getLocale()), entry.content().toString())));
            if (item.deleted()) {
                card.add(new Paragraph(getTranslation("moderation.case.deleted")));
            }
            if (item.hidden() && item.hiddenReason() != null) {
                Paragraph reason = new Paragraph(getTranslation("moderation.case.hidden-reason", item.hiddenReason()));
                reason.setId(id + "-hidden-reason");
                card.add(reason);
            }
        }
        if (entry.lastDecision() != null) {
            var decision = entry.lastDecision();
            card.add(new Paragraph(getTranslation("moderation.case.last-decision",
                    getTranslation("moderation.action." + decision.action().name()), decision.moderatorName(),
                    Formats.dateTime(decision.decidedAt(), getLocale()), decision.reason())));
        }
        Div buttons = new Div();
        buttons.addClassName("agora-moderation-buttons");
        if (item != null) {
            if (flagged && !item.hidden()) {
                buttons.add(button(entry, DecisionAction.HIDE, id));
            }
            if (flagged) {
                buttons.add(button(entry, DecisionAction.DISMISS, id));
            }
            if (!flagged && item.hidden()) {
                buttons.add(button(entry, DecisionAction.RESTORE, id));
            }
        }
        card.add(buttons);
        return card;
    }

    private Button button(ModerationCase entry, DecisionAction action, String cardId) {
        Button button = new Button(getTranslation("moderation.action.button." + action.name()), e ->
                new DecisionDialog(entry.content(), action, moderation, done -> {
                    refresh();
                    announcer.announce(getTranslation("moderation.announce." + done.name()));
                    (done == DecisionAction.RESTORE ? hiddenHeading : queueHeading).getElement()
                            .executeJs("this.setAttribute('tabindex', '-1'); this.focus();");
                }).open());
        button.setId(cardId + "-" + action.name().toLowerCase(Locale.ROOT));
        if (action == DecisionAction.HIDE) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.queue.title") + " · " + getTranslation("app.name");
    }
}
