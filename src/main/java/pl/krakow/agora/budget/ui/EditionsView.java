package pl.krakow.agora.budget.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.Phase;

/** Every edition of the participatory budget with its phase, and the way in to each (report 8.2). */
@Route("budzet")
@Menu(order = 20, title = "budget.nav.editions")
@AnonymousAllowed
class EditionsView extends Div implements HasDynamicTitle {

    EditionsView(EditionService editions) {
        add(new H1(getTranslation("budget.editions.title")), new Paragraph(getTranslation("budget.editions.lead")));
        UnorderedList list = new UnorderedList();
        list.setId("budget-editions");
        for (Edition e : editions.editions()) {
            Anchor name = new Anchor(EditionView.path(e.id()), e.name());
            name.getElement().setAttribute("lang", e.nameLanguage());
            ListItem item = new ListItem(new H2(name));
            item.add(new Paragraph(getTranslation("budget.edition.summary", getTranslation("budget.phase." + e.phase()),
                    Texts.money(this, e.totalBudget()))));
            if (e.phase() == Phase.VOTING) {
                Anchor vote = new Anchor(BallotView.path(e.id()), getTranslation("budget.edition.vote"));
                vote.setId("vote-" + e.id());
                item.add(new Paragraph(vote));
            }
            if (e.phase() == Phase.RESULTS) {
                item.add(new Paragraph(new Anchor(ResultsView.path(e.id()), getTranslation("budget.edition.results"))));
            }
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            add(new Paragraph(getTranslation("budget.editions.none")));
        } else {
            add(list);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.editions.title") + " · " + getTranslation("app.name");
    }
}
