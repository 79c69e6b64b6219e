package pl.krakow.agora.recommendation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.WorkflowStatus;

/** The catalogue's views for each kind of visitor, without a browser. */
class CatalogueViewsIT extends AgoraBrowserlessTest {

    @Autowired
    RecommendationCatalog catalog;

    @Test
    void anonymousVisitorsBrowseTheChaptersAndSearchFromTheUrl() {
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        navigate(CatalogView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Katalog rekomendacji");
        assertThat($(Paragraph.class).id("catalogue-count").getText()).isEqualTo("Znaleziono rekomendacji: 232");
        assertThat($(OrderedList.class).id("catalogue-results").getChildren().count()).isEqualTo(CatalogView.PAGE);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("rekomendacje?rozdzial=7",
                "rekomendacje/2.1", "rekomendacje/2.2-5", "rekomendacje/schemat").doesNotContain(ProposeView.ROUTE);

        UI.getCurrent().navigate("rekomendacje", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("q", "tlumaczenie", "rozdzial", "8")));
        assertThat($(TextField.class).id("catalogue-search").getValue()).isEqualTo("tlumaczenie");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("rekomendacje/8.6-3")
                .doesNotContain("rekomendacje/7.1.6-3");
    }

    @Test
    void theCatalogueSpeaksUkrainianAndMarksTextsStillInTheOriginal() {
        UI.getCurrent().setLocale(UiLanguage.UK.locale());
        navigate(CatalogView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Каталог рекомендацій");
        assertThat($(Paragraph.class).id("catalogue-count").getText()).isEqualTo("Знайдено рекомендацій: 232");
    }

    @Test
    void anItemPageShowsTheTextAndHistoryButNoStatusFormToResidents() {
        signIn(9201, "mieszkanka", Role.RESIDENT);
        UI.getCurrent().setLocale(UiLanguage.EN.locale());
        navigate("rekomendacje/7.1.6", RecommendationView.class);
        assertThat($(H1.class).first().getElement().getTextRecursively()).isEqualTo("7.1.6 Supporting communication");
        assertThat($(OrderedList.class).id("status-history").getChildren().count()).isEqualTo(1);
        assertThat($(Button.class).withId("status-save").exists()).isFalse();
        assertThat($(Button.class).all()).extracting(Button::getText).contains("Show original");
    }

    @Test
    void unknownNumbersAndOthersPrivateProposalsAreNotFound() {
        assertNotFound("rekomendacje/99.1");
        signIn(9202, "autor", Role.RESIDENT);
        String code = catalog.propose(new pl.krakow.agora.recommendation.Proposal("Ławki przy przystankach",
                "Więcej ławek i zadaszeń na przystankach w dzielnicach, gdzie mieszka wiele osób starszych.", null),
                UiLanguage.PL);
        navigate("rekomendacje/" + code, RecommendationView.class);
        signIn(9203, "ktos-inny", Role.RESIDENT);
        assertNotFound("rekomendacje/" + code);
    }

    private void assertNotFound(String location) {
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        UI.getCurrent().navigate(location);
        assertThat($(H1.class).first().getText()).isEqualTo(UI.getCurrent().getTranslation("shell.error.not-found.title"));
    }

    @Test
    void aModeratorChangesTheStatusWithAReasonAndAnEmptyReasonIsRefusedWithAMessage() {
        signIn(9204, "moderatorka", Role.RESIDENT, Role.MODERATOR);
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        navigate("rekomendacje/11.2", RecommendationView.class);
        @SuppressWarnings("unchecked")
        Select<WorkflowStatus> target = $(Select.class).id("status-target");
        test(target).selectItem(target.getItemLabelGenerator().apply(WorkflowStatus.NEW_IN_PROGRAMME));
        test($(Button.class).id("status-save")).click();
        assertThat(catalog.find("11.2", UiLanguage.PL).orElseThrow().history()).hasSize(1);

        test($(TextArea.class).id("status-reason")).setValue("Program mieszkaniowy dla osób z doświadczeniem migracji.");
        test($(Button.class).id("status-save")).click();
        assertThat(catalog.find("11.2", UiLanguage.PL).orElseThrow().summary().status())
                .isEqualTo(WorkflowStatus.NEW_IN_PROGRAMME);
        assertThat($(OrderedList.class).id("status-history").getChildren().count()).isEqualTo(2);
    }

    @Test
    void aResidentProposesARecommendationAndLandsOnItsPrivatePage() {
        signIn(9205, "proponujaca", Role.RESIDENT);
        UI.getCurrent().setLocale(UiLanguage.UK.locale());
        navigate(ProposeView.class);
        test($(TextField.class).id("proposal-title")).setValue("Курси польської для батьків");
        test($(TextArea.class).id("proposal-text")).setValue(
                "Безкоштовні вечірні курси польської мови для батьків учнів з України в школах району.");
        test($(Button.class).id("proposal-send")).click();
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).matches("rekomendacje/P-\\d+");
        assertThat($(H1.class).first().getElement().getTextRecursively()).contains("Курси польської для батьків");
    }

    @Test
    void theWorkflowSchemeIsAnAccessibleListWithATextAlternative() {
        UI.getCurrent().setLocale(UiLanguage.RU.locale());
        navigate(WorkflowView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Схема работы с рекомендациями");
        assertThat($(Paragraph.class).id("flow-description").getText()).startsWith("Схема словами");
    }
}
