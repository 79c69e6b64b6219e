package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SortitionCsvTest {

  private static final String CATEGORIES = "category,feature,min,max\ngender,female,1,2\ngender,male,1,2\n"
      + "leaning,liberal,0,2\nleaning,conservative,0,2";

  @Test
  void readsCategoriesInFileOrderWithQuotas() {
    List<Category> cats = SortitionCsv.readCategories(CATEGORIES, "categories.csv");
    assertThat(cats).extracting(Category::name).containsExactly("gender", "leaning");
    assertThat(cats.get(0).features()).containsExactly(new Feature("female", 1, 2), new Feature("male", 1, 2));
  }

  @Test
  void respondentIdsAreDataRowIndexesAndExtraColumnsBomAndCrlfAreIgnored() {
    List<Category> cats = SortitionCsv.readCategories("\uFEFF" + CATEGORIES.replace("\n", "\r\n"), "c.csv");
    String respondents = "\uFEFFname,leaning,gender,email\r\nAnna,liberal,female,a@x\r\n\r\n"
        + "Jan,conservative,male,j@x\r\n\"Ola, jr\",liberal,female,\"o@x\"";
    List<Respondent> pool = SortitionCsv.readRespondents(respondents, "r.csv", cats);
    assertThat(pool).hasSize(3);
    assertThat(pool).extracting(Respondent::id).containsExactly(0, 1, 2);
    assertThat(pool.get(1).features()).containsExactly(1, 1);
    assertThat(pool.get(2).features()).containsExactly(0, 0);
  }

  @Test
  void unknownFeatureValueIsADomainErrorNamingTheRespondent() {
    List<Category> cats = SortitionCsv.readCategories(CATEGORIES, "categories.csv");
    assertThatThrownBy(() -> SortitionCsv.readRespondents("gender,leaning\nfemale,green", "r.csv", cats))
        .isInstanceOf(SortitionException.class).hasMessageContaining("green").hasMessageContaining("leaning");
  }

  @Test
  void missingCategoryColumnIsADomainError() {
    List<Category> cats = SortitionCsv.readCategories(CATEGORIES, "categories.csv");
    assertThatThrownBy(() -> SortitionCsv.readRespondents("gender\nfemale", "r.csv", cats))
        .isInstanceOf(SortitionException.class).hasMessageContaining("leaning");
  }

  @Test
  void nonNumericQuotaIsADomainErrorWithLine() {
    assertThatThrownBy(() -> SortitionCsv.readCategories("category,feature,min,max\ng,f,one,2", "c.csv"))
        .isInstanceOf(SortitionException.class).hasMessageContaining("line 2");
  }
}
