package pl.krakow.agora.platform.ui;

import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A live "n of max characters" counter in a field's helper text. The helper text is tied to the
 * field by aria-describedby, so screen readers hear it with the field, and the browser's maxlength
 * stops typing at the limit instead of cutting text off later.
 */
public final class CharacterCounter {

    private CharacterCounter() {
    }

    public static void attach(TextField field, int max) {
        field.setMaxLength(max);
        count(field, max);
    }

    public static void attach(TextArea field, int max) {
        field.setMaxLength(max);
        count(field, max);
    }

    private static <F extends HasValue<?, String> & HasHelper & HasValueChangeMode> void count(F field, int max) {
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.setHelperText(text(0, max));
        field.addValueChangeListener(e -> field.setHelperText(text(e.getValue() == null ? 0 : e.getValue().length(), max)));
    }

    private static String text(int length, int max) {
        UI ui = UI.getCurrent();
        return ui == null ? length + "/" + max : ui.getTranslation("platform.counter", length, max);
    }
}
