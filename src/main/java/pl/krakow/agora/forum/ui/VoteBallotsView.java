package pl.krakow.agora.forum.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.SecretBallots;
import pl.krakow.agora.forum.SecretBallots.Ballot;
import pl.krakow.agora.forum.SecretBallots.PublishedVote;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;

/**
 * The published ballots of a closed secret vote, for anyone: the result, every ballot by its
 * receipt's hash with its choice, and the receipt check (the voter pastes the receipt shown when they
 * voted; the server hashes it and says whether a ballot with that hash is in the count, and with which
 * choice). The answer is written under the field and announced in a live region. An open vote or an
 * unknown one gets a translated notice instead.
 */
@Route(VoteBallotsView.ROUTE)
@AnonymousAllowed
class VoteBallotsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "forum/glosowanie/:id([0-9]{1,18})";

    private final SecretBallots ballots;
    private final ForumTexts texts;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private String title = "";

    VoteBallotsView(SecretBallots ballots, ForumTexts texts) {
        this.ballots = ballots;
        this.texts = texts;
        addClassName("forum-ballots");
    }

    static String path(long voteId) {
        return "forum/glosowanie/" + voteId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        title = getTranslation("forum.ballots.title");
        long voteId = Long.parseLong(event.getRouteParameters().get("id").orElse("0"));
        PublishedVote vote;
        try {
            vote = ballots.published(voteId);
        } catch (AgoraException notShown) {
            Paragraph notice = new Paragraph(getTranslation(notShown.messageKey(), notShown.arguments()));
            notice.setId("forum-ballots-notice");
            add(new H1(title), notice);
            return;
        }
        H1 heading = new H1(getTranslation("forum.ballots.heading", vote.sessionNumber(), vote.bodyName()));
        heading.setId("forum-ballots-heading");
        add(heading, announcer);

        Paragraph motion = new Paragraph(new Span(getTranslation("forum.motion-kind." + vote.motion().kind().name()) + ": "));
        motion.add(SessionBoard.shown(texts.motions(List.of(vote.motion()), UiLanguage.of(getLocale())),
                vote.motion().textRef(), vote.motion().text(), vote.motion().language(), Span::new));
        Paragraph result = new Paragraph(getTranslation("forum.live.totals", vote.yes(), vote.no(), vote.abstain()) + " "
                + getTranslation(!vote.quorumMet() ? "forum.live.no-quorum-result"
                        : vote.adopted() ? "forum.live.adopted" : "forum.live.rejected")
                + " (" + getTranslation("forum.majority." + vote.majority().name()) + ")");
        result.setId("forum-ballots-result");
        add(new Section(new H2(getTranslation("forum.ballots.result")), motion, result,
                new Paragraph(getTranslation("forum.ballots.lead"))));

        add(checkSection(voteId));

        Section all = new Section(new H2(getTranslation("forum.ballots.all", vote.ballots().size())));
        if (vote.ballots().isEmpty()) {
            all.add(new Paragraph(getTranslation("forum.ballots.none")));
        }
        OrderedList list = new OrderedList();
        list.setId("forum-ballots-list");
        for (Ballot b : vote.ballots()) {
            Span hash = new Span(b.receiptHash());
            hash.getStyle().set("font-family", "monospace").set("overflow-wrap", "anywhere");
            list.add(new ListItem(hash, new Span(" — " + getTranslation("forum.choice." + b.choice().name()))));
        }
        all.add(list);
        add(all);

        Anchor back = new Anchor(GalleryView.path(vote.sessionId()), getTranslation("forum.live.to-gallery"));
        add(new Paragraph(back));
    }

    private Section checkSection(long voteId) {
        TextField receipt = new TextField(getTranslation("forum.ballots.receipt"));
        receipt.setId("forum-receipt");
        receipt.setHelperText(getTranslation("forum.ballots.receipt-help"));
        receipt.setMaxLength(80);
        receipt.setWidth("min(100%, 26rem)");
        receipt.getElement().setAttribute("autocomplete", "off");
        receipt.getElement().setAttribute("spellcheck", "false");
        Paragraph answer = new Paragraph();
        answer.setId("forum-receipt-answer");
        receipt.setValueChangeMode(ValueChangeMode.EAGER);
        Runnable checkReceipt = () -> {
            String text;
            try {
                Optional<Ballot> found = ballots.check(voteId, receipt.getValue());
                text = found.map(b -> getTranslation("forum.ballots.found",
                        getTranslation("forum.choice." + b.choice().name()), b.receiptHash()))
                        .orElse(getTranslation("forum.ballots.not-found"));
            } catch (AgoraException refused) {
                text = getTranslation(refused.messageKey(), refused.arguments());
            }
            answer.setText(text);
            announcer.announce(text);
        };
        Button check = new Button(getTranslation("forum.ballots.check-button"), e -> checkReceipt.run());
        check.setId("forum-receipt-check");
        receipt.addKeyDownListener(Key.ENTER, e -> checkReceipt.run());
        Div row = new Div(receipt, check);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem").set("align-items", "baseline");
        return new Section(new H2(getTranslation("forum.ballots.check")), row, answer);
    }

    @Override
    public String getPageTitle() {
        return title + " — " + getTranslation("app.name");
    }
}
