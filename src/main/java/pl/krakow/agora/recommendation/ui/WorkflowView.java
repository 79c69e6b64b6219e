package pl.krakow.agora.recommendation.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.WorkflowStatus;
import pl.krakow.agora.translation.TranslatedText;

/**
 * Chapter 1 of the report, "Schemat pracy z rekomendacjami", with its decision diagram drawn in
 * HTML: a flow of boxes that is a nested list for assistive technology (each question with its
 * "yes" and "no" branches), plus the same scheme in words, and how the catalogue's statuses map onto it.
 */
@Route(WorkflowView.ROUTE)
@AnonymousAllowed
class WorkflowView extends Div implements HasDynamicTitle {

    static final String ROUTE = "rekomendacje/schemat";

    WorkflowView(RecommendationCatalog catalog) {
        addClassName("agora-workflow");
        add(new H1(getTranslation("recommendation.workflow.title")));
        add(new TranslatedText(catalog.document(UiLanguage.of(getLocale())).workflow()));

        Section diagram = new Section();
        diagram.addClassName("agora-flow");
        H2 heading = new H2(getTranslation("recommendation.workflow.diagram"));
        heading.setId("flow-heading");
        diagram.getElement().setAttribute("aria-labelledby", "flow-heading");
        Paragraph alternative = new Paragraph(getTranslation("recommendation.workflow.diagram-text"));
        alternative.setId("flow-description");
        OrderedList flow = new OrderedList();
        flow.addClassName("agora-flow-steps");
        flow.getElement().setAttribute("aria-describedby", "flow-description");
        flow.add(box("recommendation.workflow.node.start", null));
        ListItem q1 = box("recommendation.workflow.node.in-programme", null);
        q1.addClassName("agora-flow-question");
        q1.add(branches(
                box("recommendation.workflow.node.programme", WorkflowStatus.NEW_IN_PROGRAMME),
                question("recommendation.workflow.node.existing-solution",
                        question("recommendation.workflow.node.accessible",
                                box("recommendation.workflow.node.inform", WorkflowStatus.EXISTING_SOLUTION_INFORM),
                                box("recommendation.workflow.node.adapt", WorkflowStatus.ADAPT_EXISTING)),
                        question("recommendation.workflow.node.competence",
                                box("recommendation.workflow.node.new", WorkflowStatus.NEW_IN_PROGRAMME),
                                box("recommendation.workflow.node.advocacy", WorkflowStatus.OUT_OF_CITY_COMPETENCE)))));
        flow.add(q1);
        diagram.add(heading, alternative, flow);
        add(diagram);

        Section statuses = new Section(new H2(getTranslation("recommendation.workflow.statuses")));
        UnorderedList list = new UnorderedList();
        for (WorkflowStatus status : WorkflowStatus.values()) {
            if (status.isPublic()) {
                list.add(new ListItem(new StatusBadge(status),
                        new Span(" " + getTranslation("recommendation.status-help." + status.name()))));
            }
        }
        statuses.add(list);
        add(statuses);
    }

    private ListItem box(String key, @Nullable WorkflowStatus status) {
        Span text = new Span(getTranslation(key));
        ListItem item = new ListItem(text);
        item.addClassName("agora-flow-box");
        if (status != null) {
            item.add(new Span(" → "), new StatusBadge(status));
        }
        return item;
    }

    private ListItem question(String key, ListItem yes, ListItem no) {
        ListItem item = box(key, null);
        item.addClassName("agora-flow-question");
        item.add(branches(yes, no));
        return item;
    }

    private UnorderedList branches(ListItem yes, ListItem no) {
        UnorderedList branches = new UnorderedList();
        branches.addClassName("agora-flow-branches");
        branches.add(branch("recommendation.workflow.yes", yes), branch("recommendation.workflow.no", no));
        return branches;
    }

    private ListItem branch(String label, ListItem target) {
        Span answer = new Span(getTranslation(label));
        answer.addClassName("agora-flow-answer");
        OrderedList next = new OrderedList(target);
        ListItem branch = new ListItem(answer, next);
        branch.addClassName("agora-flow-branch");
        return branch;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recommendation.workflow.title") + " · " + getTranslation("app.name");
    }
}
