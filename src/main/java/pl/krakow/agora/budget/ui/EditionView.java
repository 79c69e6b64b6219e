package pl.krakow.agora.budget.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.budget.Category;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.Phase;
import pl.krakow.agora.budget.ProjectDetails;
import pl.krakow.agora.budget.ProjectService;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;

/** One edition: its rules, phases, categories and projects, and what one can do in the current phase. */
@Route("budzet/edycja")
@AnonymousAllowed
class EditionView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EditionService editions;
    private final ProjectService projects;
    private final CurrentUser currentUser;
    private String title = "";

    EditionView(EditionService editions, ProjectService projects, CurrentUser currentUser) {
        this.editions = editions;
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @Override
    public void setParameter(BeforeEvent event, Long editionId) {
        removeAll();
        Edition e = EditionPages.editionOrNotice(editions, editionId, this);
        if (e == null) {
            return;
        }
        title = e.name();
        H1 h1 = new H1(e.name());
        h1.getElement().setAttribute("lang", e.nameLanguage());
        add(h1);
        add(new Paragraph(getTranslation("budget.edition.summary", getTranslation("budget.phase." + e.phase()),
                Texts.money(this, e.totalBudget()))));
        UnorderedList rules = new UnorderedList(
                new ListItem(Texts.format(this, e)),
                new ListItem(getTranslation("budget.edition.rule", getTranslation("budget.rule." + e.rule().code()))),
                new ListItem(getTranslation("budget.edition.eligibility." + e.eligibility(), e.minAge())),
                new ListItem(getTranslation("budget.edition.dates", Texts.date(this, e.dates().submissionStart()),
                        Texts.date(this, e.dates().reviewStart()), Texts.date(this, e.dates().appealsStart()),
                        Texts.date(this, e.dates().votingStart()), Texts.date(this, e.dates().resultsStart()))));
        if (e.frozen()) {
            rules.add(new ListItem(getTranslation("budget.edition.frozen")));
        }
        add(new Section(new H2(getTranslation("budget.edition.rules")), rules));
        if (!e.categories().isEmpty()) {
            UnorderedList cats = new UnorderedList();
            for (Category c : e.categories()) {
                cats.add(new ListItem(c.name() + ": " + Texts.money(this, c.budget())));
            }
            cats.add(new ListItem(getTranslation("budget.pool.general") + ": " + Texts.money(this, e.generalBudget())));
            add(new Section(new H2(getTranslation("budget.edition.categories")), cats));
        }
        Div actions = new Div();
        actions.addClassName("agora-link-row");
        if (e.phase() == Phase.VOTING) {
            Anchor vote = new Anchor(BallotView.path(e.id()), getTranslation("budget.edition.vote"));
            vote.setId("edition-vote");
            actions.add(new Paragraph(vote));
        }
        if (e.phase() == Phase.RESULTS) {
            actions.add(new Paragraph(new Anchor(ResultsView.path(e.id()), getTranslation("budget.edition.results"))));
        }
        if (e.phase() == Phase.SUBMISSION && currentUser.isAuthenticated()) {
            actions.add(new Paragraph(new Anchor(SubmitProjectView.path(e.id()), getTranslation("budget.edition.submit"))));
        }
        actions.add(new Paragraph(new Anchor(BallotsView.path(e.id()), getTranslation("budget.results.ballots"))));
        if (currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN)) {
            actions.add(new Paragraph(new Anchor(ReviewView.path(e.id()), getTranslation("budget.review.title"))));
            actions.add(new Paragraph(new Anchor(PaperBallotView.path(e.id()), getTranslation("budget.paper.title"))));
        }
        add(actions);
        List<ProjectDetails> all = projects.projects(editionId);
        Section list = new Section(new H2(getTranslation("budget.edition.projects", all.size())));
        UnorderedList items = new UnorderedList();
        items.setId("edition-projects");
        for (ProjectDetails p : all) {
            Anchor link = new Anchor(ProjectView.path(p.id()), p.title());
            link.getElement().setAttribute("lang", p.language());
            items.add(new ListItem(link, new com.vaadin.flow.component.html.Span(" · " + Texts.money(this, p.cost())
                    + " · " + getTranslation("budget.project.status." + p.status()))));
        }
        list.add(items);
        add(list);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/edycja/" + editionId;
    }
}
