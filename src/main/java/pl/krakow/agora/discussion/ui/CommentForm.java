package pl.krakow.agora.discussion.ui;

import java.util.function.Predicate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.i18n.Formats;

/**
 * A labelled text area with a live length counter (issue 5, item 8) and its buttons. The counter is
 * the field's helper text, which the field links to its input with {@code aria-describedby}; the
 * browser stops typing at {@code maxlength}, and a longer value (pasted through other means, or
 * another limit on the server) marks the field invalid with a translated message. The form holds no
 * rule: it hands the text to its action and shows the service's answer.
 */
class CommentForm extends Div {

    private final TextArea text = new TextArea();
    private final Button submit;
    private final int maxLength;
    private Predicate<String> action = text -> false;

    /**
     * @param action called with the text; returns true when it was saved (the form then empties itself)
     */
    CommentForm(String idPrefix, String labelKey, String submitKey, String initial, int maxLength,
            @Nullable Predicate<String> action, @Nullable Runnable cancel) {
        this.maxLength = maxLength;
        if (action != null) {
            this.action = action;
        }
        addClassName("agora-comment-form");
        text.setLabel(getTranslation(labelKey));
        text.setMaxLength(maxLength);
        // the form shows the service's refusals itself; Vaadin's own constraint check would undo them
        text.setManualValidation(true);
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setWidthFull();
        text.setMinRows(3);
        text.setId(idPrefix + "-text");
        text.setValue(initial);
        text.addValueChangeListener(e -> updateCounter());
        updateCounter();
        submit = new Button(getTranslation(submitKey), e -> {
            if (this.action.test(text.getValue())) {
                text.clear();
                text.setInvalid(false);
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId(idPrefix + "-submit");
        Div buttons = new Div(submit);
        buttons.addClassName("agora-comment-form-buttons");
        if (cancel != null) {
            Button cancelButton = new Button(getTranslation("discussion.form.cancel"), e -> cancel.run());
            cancelButton.setId(idPrefix + "-cancel");
            buttons.add(cancelButton);
        }
        add(text, buttons);
    }

    private void updateCounter() {
        int length = text.getValue().length();
        String used = Formats.number(length, getLocale());
        String max = Formats.number(maxLength, getLocale());
        if (length > maxLength) {
            text.setErrorMessage(getTranslation("discussion.error.too-long", maxLength, length));
            text.setInvalid(true);
        } else {
            // a refusal shown on the field goes once the text changes
            text.setInvalid(false);
        }
        text.setHelperText(length >= maxLength ? getTranslation("discussion.form.counter-full", used, max)
                : getTranslation("discussion.form.counter", used, max));
    }

    void setAction(Predicate<String> action) {
        this.action = action;
    }

    /** Shows the service's refusal on the field itself, where a screen reader finds it. */
    void showError(String message) {
        text.setErrorMessage(message);
        text.setInvalid(true);
        text.focus();
    }

    void focusText() {
        text.focus();
    }

    TextArea textArea() {
        return text;
    }
}
