package pl.krakow.agora.budget.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.budget.BallotProject;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.PublishedBallot;
import pl.krakow.agora.budget.VotingService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ui.Announcer;

/**
 * The receipt check and the published anonymised ballots (architecture.md "Voting integrity"): a
 * voter types the receipt and sees the ballot it belongs to; after voting everyone sees every
 * ballot by its receipt fingerprint, and can recount them from the Pabulib file.
 */
@Route("budzet/karty")
@AnonymousAllowed
class BallotsView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    static final int SHOWN = 500;
    private final EditionService editions;
    private final VotingService voting;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private String title = "";

    BallotsView(EditionService editions, VotingService voting) {
        this.editions = editions;
        this.voting = voting;
    }

    @Override
    public void setParameter(BeforeEvent event, Long editionId) {
        removeAll();
        Edition e = EditionPages.editionOrNotice(editions, editionId, this);
        if (e == null) {
            return;
        }
        Map<Long, BallotProject> projects = editions.ballotProjects(editionId).stream()
                .collect(Collectors.toMap(BallotProject::id, Function.identity()));
        title = getTranslation("budget.ballots.title", e.name());
        add(new H1(title), announcer);

        Section check = new Section(new H2(getTranslation("budget.ballots.check")));
        TextField receipt = new TextField(getTranslation("budget.ballots.receipt"));
        receipt.setId("receipt-code");
        receipt.setMaxLength(32);
        Div answer = new Div();
        answer.setId("receipt-answer");
        answer.getElement().setAttribute("role", "status");
        Button find = new Button(getTranslation("budget.ballots.find"), ev -> {
            Optional<PublishedBallot> found = voting.findReceipt(editionId, receipt.getValue());
            String text = found.map(b -> getTranslation("budget.ballots.found", b.fingerprint(), describe(b, projects)))
                    .orElse(getTranslation("budget.ballots.not-found"));
            answer.setText(text);
            announcer.announce(text);
        });
        find.setId("receipt-find");
        check.add(receipt, find, answer);
        add(check);

        Section all = new Section(new H2(getTranslation("budget.ballots.all")));
        try {
            List<PublishedBallot> ballots = voting.publishedBallots(editionId);
            all.add(new Paragraph(getTranslation("budget.ballots.count", ballots.size())));
            Div list = new Div();
            list.setId("published-ballots");
            for (PublishedBallot b : ballots.subList(0, Math.min(SHOWN, ballots.size()))) {
                Span fp = new Span(b.fingerprint());
                fp.getStyle().set("font-family", "monospace");
                Paragraph line = new Paragraph(fp, new Span(" " + describe(b, projects)));
                list.add(line);
            }
            all.add(list);
            if (ballots.size() > SHOWN) {
                all.add(new Paragraph(getTranslation("budget.ballots.more", SHOWN)));
            }
        } catch (AgoraException notYet) {
            all.add(new Paragraph(getTranslation(notYet.messageKey())));
        }
        add(all);
    }

    private String describe(PublishedBallot b, Map<Long, BallotProject> projects) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.projects().size(); i++) {
            if (i > 0) {
                s.append("; ");
            }
            BallotProject p = projects.get(b.projects().get(i));
            s.append(p == null ? String.valueOf(b.projects().get(i)) : p.title());
            if (!b.points().isEmpty()) {
                s.append(" (").append(b.points().get(i)).append(')');
            }
        }
        return getTranslation("budget.ballots.channel." + b.channel()) + ": " + s;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/karty/" + editionId;
    }
}
