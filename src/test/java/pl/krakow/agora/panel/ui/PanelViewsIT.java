package pl.krakow.agora.panel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.panel.PanelSummary;
import pl.krakow.agora.panel.Panels;

/** The panel views per role, without a browser: what each may see, and bad input saving nothing. */
class PanelViewsIT extends AgoraBrowserlessTest {

    @Autowired
    Panels panels;

    private long demo(String topic) {
        return panels.list().stream().filter(p -> p.topic().equals(topic)).mapToLong(PanelSummary::id).findFirst()
                .orElseThrow();
    }

    @Test
    void anAnonymousVisitorSeesQuotasAndTotalsButNoIndividualAndNoOrganiserTools() {
        long id = demo("Dostępność informacji miejskich w językach mniejszości");
        navigate("panel/" + id, PanelView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Dostępność informacji miejskich w językach mniejszości");
        assertThat($(Section.class).id("panel-quotas").getElement().getTextRecursively()).contains("W puli jest 60 osób");
        assertThat($(Section.class).withId("panel-organiser").exists()).isFalse();
        String page = $(PanelView.class).single().getElement().getTextRecursively();
        assertThat(page).doesNotContain("@example.org").doesNotContain("V-");

        int before = panels.find(id).orElseThrow().poolSize();
        $(EmailField.class).id("panel-contact").setValue("nikt@example.org");
        test($(Button.class).id("panel-register-submit")).click();
        assertThat(panels.find(id).orElseThrow().poolSize()).as("no consent, nothing saved").isEqualTo(before);
        $(Checkbox.class).id("panel-consent").setValue(true);
        test($(Button.class).id("panel-register-submit")).click();
        assertThat(panels.find(id).orElseThrow().poolSize()).as("no values declared, nothing saved").isEqualTo(before);
    }

    @Test
    void aModeratorCreatesAPanelOnlyFromValidInput() {
        signIn(994_000, "moderator-views-it", Role.RESIDENT, Role.MODERATOR);
        navigate(PanelCreateView.class);
        int before = panels.list().size();
        $(TextField.class).id("panel-topic").setValue("Panel z widoku: komunikacja miejska");
        $(TextArea.class).id("panel-categories").setValue("Płeć kobieta 8-12; mężczyzna 8-12");
        test($(Button.class).id("panel-create")).click();
        assertThat(panels.list()).hasSize(before);
        $(TextArea.class).id("panel-categories").setValue("Płeć: kobieta 12-20; mężczyzna 12-20");
        test($(Button.class).id("panel-create")).click();
        assertThat(panels.list()).as("minimums above k are refused before saving").hasSize(before);
        $(TextArea.class).id("panel-categories").setValue("Płeć: kobieta 8-12; mężczyzna 8-12");
        test($(Button.class).id("panel-create")).click();
        assertThat(panels.list()).hasSize(before + 1);
        assertThat($(H1.class).first().getText()).isEqualTo("Panel z widoku: komunikacja miejska");
        assertThat($(Section.class).withId("panel-organiser").exists()).isTrue();
    }

    @Test
    void theWorkspaceIsRefusedToSomeoneWhoWasNotDrawn() {
        long id = demo("Tłumacze w urzędach dzielnic");
        signIn(994_001, "mieszkanka", Role.RESIDENT);
        navigate("panel/przestrzen/" + id, WorkspaceView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Przestrzeń robocza panelu");
        assertThat($(WorkspaceView.class).single().getElement().getTextRecursively())
                .contains("tylko dla wylosowanych członków").doesNotContain("Tłumacz ukraiński w każdym");
    }
}
