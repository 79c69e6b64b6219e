package pl.krakow.agora.panel.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.panel.PanelDefinition;
import pl.krakow.agora.panel.Panels;
import pl.krakow.agora.panel.QuotaText;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/** An organiser creates a panel (issue 6, item 1): rules, quotas per value, window, schedule. */
@Route(PanelCreateView.ROUTE)
@RolesAllowed({"MODERATOR", "ADMIN"})
class PanelCreateView extends Div implements HasDynamicTitle {

    static final String ROUTE = "panele/nowy";

    private final Panels panels;
    private final TextField topic = new TextField();
    private final TextArea description = new TextArea();
    private final IntegerField size = new IntegerField();
    private final IntegerField alternates = new IntegerField();
    private final DatePicker opens = new DatePicker();
    private final DatePicker closes = new DatePicker();
    private final IntegerField threshold = new IntegerField();
    private final IntegerField quorum = new IntegerField();
    private final TextArea categories = new TextArea();
    private final TextArea meetings = new TextArea();

    PanelCreateView(Panels panels) {
        this.panels = panels;
        addClassName("agora-panel-create");
        add(new H1(getTranslation("panel.create.title")), new Paragraph(getTranslation("panel.create.lead")));
        topic.setLabel(getTranslation("panel.create.topic"));
        topic.setId("panel-topic");
        topic.setRequired(true);
        topic.setWidthFull();
        CharacterCounter.attach(topic, Panels.MAX_TOPIC);
        description.setLabel(getTranslation("panel.create.description"));
        description.setId("panel-description");
        description.setWidthFull();
        CharacterCounter.attach(description, Panels.MAX_DESCRIPTION);
        size.setLabel(getTranslation("panel.create.size"));
        size.setId("panel-size");
        size.setValue(20);
        size.setMin(2);
        size.setMax(Panels.MAX_PANEL_SIZE);
        alternates.setLabel(getTranslation("panel.create.alternates"));
        alternates.setId("panel-alternates");
        alternates.setValue(5);
        alternates.setMin(0);
        opens.setLabel(getTranslation("panel.create.opens"));
        opens.setId("panel-opens");
        opens.setLocale(getLocale());
        opens.setValue(LocalDate.now(pl.krakow.agora.platform.i18n.Formats.ZONE));
        closes.setLabel(getTranslation("panel.create.closes"));
        closes.setId("panel-closes");
        closes.setLocale(getLocale());
        closes.setValue(LocalDate.now(pl.krakow.agora.platform.i18n.Formats.ZONE).plusWeeks(4));
        threshold.setLabel(getTranslation("panel.create.threshold"));
        threshold.setId("panel-threshold");
        threshold.setValue(80);
        quorum.setLabel(getTranslation("panel.create.quorum"));
        quorum.setId("panel-quorum");
        quorum.setValue(50);
        categories.setLabel(getTranslation("panel.create.categories"));
        categories.setHelperText(getTranslation("panel.create.categories-help"));
        categories.setId("panel-categories");
        categories.setWidthFull();
        categories.setMinHeight("8rem");
        categories.setValue(getTranslation("panel.create.categories-example"));
        meetings.setLabel(getTranslation("panel.create.meetings"));
        meetings.setHelperText(getTranslation("panel.create.meetings-help"));
        meetings.setId("panel-meetings");
        meetings.setWidthFull();
        Button create = new Button(getTranslation("panel.create.submit"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("panel-create");
        Div numbers = new Div(size, alternates, threshold, quorum);
        numbers.addClassName("agora-field-row");
        Div window = new Div(opens, closes);
        window.addClassName("agora-field-row");
        add(topic, description, numbers, window, categories, meetings, create);
    }

    private void create() {
        try {
            PanelDefinition d = new PanelDefinition(topic.getValue(), description.getValue(), value(size),
                    value(alternates), opens.getValue(), closes.getValue(), value(threshold), value(quorum),
                    QuotaText.categories(categories.getValue()), QuotaText.meetings(meetings.getValue()));
            long id = panels.create(d, UiLanguage.of(getLocale()));
            getUI().ifPresent(ui -> ui.navigate(PanelView.path(id)));
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("panel.create.title") + " · " + getTranslation("app.name");
    }
}
