package pl.krakow.agora.budget.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.budget.Aspect;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.Phase;
import pl.krakow.agora.budget.ProjectDetails;
import pl.krakow.agora.budget.ProjectService;
import pl.krakow.agora.budget.ProjectStatus;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * Review and appeals (issue 9, item 3): in REVIEW a moderator assesses each project's formal,
 * legal, technical and cost aspects with a published justification; in APPEALS decides the appeals.
 */
@Route("budzet/ocena")
@RolesAllowed({"MODERATOR", "ADMIN"})
class ReviewView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EditionService editions;
    private final ProjectService projects;

    ReviewView(EditionService editions, ProjectService projects) {
        this.editions = editions;
        this.projects = projects;
    }

    @Override
    public void setParameter(BeforeEvent event, Long editionId) {
        removeAll();
        Edition e = EditionPages.editionOrNotice(editions, editionId, this);
        if (e == null) {
            return;
        }
        add(new H1(getTranslation("budget.review.title")), new Paragraph(new Anchor(EditionView.path(e.id()), e.name())),
                new Paragraph(getTranslation("budget.review.phase", getTranslation("budget.phase." + e.phase()))));
        for (ProjectDetails p : projects.projects(editionId)) {
            Section s = new Section(new H2(p.title() + " · " + getTranslation("budget.project.status." + p.status())));
            if (e.phase() == Phase.REVIEW) {
                Select<Aspect> aspect = new Select<>();
                aspect.setLabel(getTranslation("budget.review.aspect"));
                aspect.setItems(Aspect.values());
                aspect.setItemLabelGenerator(a -> getTranslation("budget.aspect." + a));
                aspect.setValue(Aspect.FORMAL);
                Checkbox passed = new Checkbox(getTranslation("budget.review.passed"));
                TextArea why = new TextArea(getTranslation("budget.review.justification"));
                why.setWidthFull();
                Button save = new Button(getTranslation("budget.review.save"), ev -> {
                    try {
                        ProjectStatus status = projects.assess(p.id(), aspect.getValue(), passed.getValue(), why.getValue());
                        Notification.show(getTranslation("budget.review.saved", getTranslation("budget.project.status." + status)));
                    } catch (RuntimeException error) {
                        getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
                    }
                });
                s.add(aspect, passed, why, save);
            } else if (e.phase() == Phase.APPEALS && p.status() == ProjectStatus.APPEALED && p.appeal() != null) {
                s.add(new Paragraph(p.appeal().text()));
                Checkbox upheld = new Checkbox(getTranslation("budget.appeal.upheld"));
                TextArea why = new TextArea(getTranslation("budget.review.justification"));
                why.setWidthFull();
                Button save = new Button(getTranslation("budget.appeal.decide"), ev -> {
                    try {
                        projects.decideAppeal(p.id(), upheld.getValue(), why.getValue());
                        Notification.show(getTranslation("budget.appeal.decided"));
                    } catch (RuntimeException error) {
                        getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
                    }
                });
                s.add(upheld, why, save);
            }
            add(s);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.review.title") + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/ocena/" + editionId;
    }
}
