package pl.krakow.agora.budget.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.budget.BallotChoice;
import pl.krakow.agora.budget.BallotProject;
import pl.krakow.agora.budget.Credential;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.Eligibility;
import pl.krakow.agora.budget.PaperEntryOutcome;
import pl.krakow.agora.budget.VotingService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ui.Announcer;

/**
 * Staff enter paper ballots (issue 9, item 4): the credential written on the paper and the
 * chosen projects by their numbers on the paper. A ballot counts only when a second, different
 * staff member has entered it alike; the page says which of that happened.
 */
@Route("budzet/papier")
@RolesAllowed({"MODERATOR", "ADMIN"})
class PaperBallotView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EditionService editions;
    private final VotingService voting;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);

    PaperBallotView(EditionService editions, VotingService voting) {
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
        List<BallotProject> projects = editions.ballotProjects(editionId);
        add(new H1(getTranslation("budget.paper.title")), new Paragraph(getTranslation("budget.paper.lead")), announcer);
        OrderedList numbers = new OrderedList();
        projects.forEach(p -> numbers.add(new ListItem(p.title())));
        add(new H2(getTranslation("budget.paper.numbers")), numbers);
        TextField secret = new TextField(getTranslation(e.eligibility() == Eligibility.CODES ? "budget.ballot.code"
                : "budget.ballot.identifier"));
        secret.setId("paper-code");
        DatePicker born = new DatePicker(getTranslation("budget.ballot.birth-date"));
        born.setVisible(e.eligibility() == Eligibility.REGISTER);
        TextField chosen = new TextField(getTranslation("budget.paper.projects"));
        chosen.setId("paper-projects");
        chosen.setHelperText(getTranslation("budget.paper.projects-help"));
        TextField points = new TextField(getTranslation("budget.paper.points"));
        points.setId("paper-points");
        points.setVisible(e.format() == pl.krakow.agora.budget.BallotFormat.CUMULATIVE);
        Div outcome = new Div();
        outcome.setId("paper-outcome");
        outcome.getElement().setAttribute("role", "status");
        Button enter = new Button(getTranslation("budget.paper.enter"), ev -> {
            String text;
            try {
                List<Long> ids = new ArrayList<>();
                for (String n : split(chosen.getValue())) {
                    int i = Integer.parseInt(n);
                    if (i < 1 || i > projects.size()) {
                        throw new AgoraException("budget.vote.error.unknown-project");
                    }
                    ids.add(projects.get(i - 1).id());
                }
                List<Integer> pts = points.isVisible() ? split(points.getValue()).stream().map(Integer::valueOf).toList() : List.of();
                Credential c = e.eligibility() == Eligibility.CODES ? Credential.code(secret.getValue())
                        : new Credential(secret.getValue(), born.getValue());
                PaperEntryOutcome o = voting.enterPaper(editionId, c, new BallotChoice(ids, pts));
                text = getTranslation("budget.paper.outcome." + o);
                secret.clear();
                chosen.clear();
                points.clear();
            } catch (NumberFormatException bad) {
                text = getTranslation("budget.paper.error.numbers");
            } catch (AgoraException refused) {
                text = getTranslation(refused.messageKey(), refused.arguments());
            }
            outcome.setText(text);
            announcer.announce(text);
        });
        enter.setId("paper-enter");
        enter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(secret, born, chosen, points, enter, outcome);
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String s : (value == null ? "" : value).split("[,;\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.paper.title") + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/papier/" + editionId;
    }
}
