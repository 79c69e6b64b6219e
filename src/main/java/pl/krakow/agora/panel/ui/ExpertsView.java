package pl.krakow.agora.panel.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.panel.Expert;
import pl.krakow.agora.panel.PanelWorkspace;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/** The expert catalogue (report ch. 12.2): organisers list experts whom panels can invite. */
@Route(ExpertsView.ROUTE)
@RolesAllowed({"MODERATOR", "ADMIN"})
class ExpertsView extends Div implements HasDynamicTitle {

    static final String ROUTE = "panele/eksperci";

    private final PanelWorkspace workspace;
    private final Div list = new Div();
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);

    ExpertsView(PanelWorkspace workspace) {
        this.workspace = workspace;
        add(new H1(getTranslation("panel.experts.title")), new Paragraph(getTranslation("panel.experts.lead")));
        TextField name = new TextField(getTranslation("panel.experts.name"));
        name.setId("expert-name");
        TextField expertise = new TextField(getTranslation("panel.experts.expertise"));
        expertise.setId("expert-expertise");
        TextField username = new TextField(getTranslation("panel.experts.username"));
        username.setId("expert-username");
        Button add = new Button(getTranslation("panel.experts.add"), e -> {
            try {
                workspace.addExpert(name.getValue(), expertise.getValue(), username.getValue());
                name.clear();
                expertise.clear();
                username.clear();
                refresh();
                announcer.announce(getTranslation("panel.experts.added"));
            } catch (RuntimeException error) {
                getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
            }
        });
        add.setId("expert-add");
        Div form = new Div(name, expertise, username, add);
        form.addClassName("agora-field-row");
        add(form, new H2(getTranslation("panel.experts.catalogue")), list, announcer);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<Expert> experts = workspace.experts();
        if (experts.isEmpty()) {
            list.add(new Paragraph(getTranslation("panel.experts.none")));
            return;
        }
        list.add(PanelUi.table(getTranslation("panel.experts.catalogue"),
                List.of(getTranslation("panel.experts.name"), getTranslation("panel.experts.expertise"),
                        getTranslation("panel.experts.username")),
                experts.stream().map(x -> List.of(x.name(), x.expertise(), x.username())).toList()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("panel.experts.title") + " · " + getTranslation("app.name");
    }
}
