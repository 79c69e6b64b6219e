package pl.krakow.agora.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

/**
 * Bean-validation messages come in each UI language (Hibernate Validator ships pl, uk and ru), so a
 * form bound with Vaadin's BeanValidationBinder shows them in the reader's language.
 */
class ValidationMessagesTest {

    record Comment(@NotBlank String text, @Size(max = 5) String title) {
    }

    private static String message(UiLanguage language, Comment comment) {
        Validator validator = Validation.byProvider(HibernateValidator.class).configure()
                .defaultLocale(language.locale())
                .buildValidatorFactory().getValidator();
        return validator.validate(comment).stream()
                .filter(v -> v.getPropertyPath().toString().equals("text"))
                .findFirst().orElseThrow().getMessage();
    }

    @Test
    void aBlankFieldIsExplainedInEveryUiLanguage() {
        Map<UiLanguage, String> messages = new TreeMap<>();
        for (UiLanguage language : UiLanguage.values()) {
            messages.put(language, message(language, new Comment("  ", "ok")));
        }
        assertThat(messages.get(UiLanguage.EN)).isEqualTo("must not be blank");
        assertThat(messages.get(UiLanguage.PL)).isNotEqualTo(messages.get(UiLanguage.EN)).containsPattern("\\p{IsLatin}");
        assertThat(messages.get(UiLanguage.UK)).containsPattern("\\p{IsCyrillic}");
        assertThat(messages.get(UiLanguage.RU)).containsPattern("\\p{IsCyrillic}")
                .isNotEqualTo(messages.get(UiLanguage.UK));
    }
}
