package pl.krakow.agora.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * A visually hidden ARIA live region. Screen readers read what is put here without moving the
 * user's focus (WCAG 2.1, 4.1.3 Status Messages): polite for routine changes, assertive for the
 * ones that cannot wait (a vote opening or closing).
 */
@Tag("div")
public class Announcer extends Component {

    public enum Urgency {
        POLITE, ASSERTIVE
    }

    public Announcer(Urgency urgency) {
        getElement().setAttribute("aria-live", urgency == Urgency.POLITE ? "polite" : "assertive");
        getElement().setAttribute("aria-atomic", "true");
        getElement().setAttribute("role", urgency == Urgency.POLITE ? "status" : "alert");
        getElement().getClassList().add("agora-visually-hidden");
    }

    /**
     * Announces a text. The region is emptied first and filled in the next frame, so that the same
     * message said twice is read twice.
     */
    public void announce(String text) {
        getElement().setText("");
        getElement().executeJs("const el = this; const t = $0; requestAnimationFrame(() => el.textContent = t);", text);
    }
}
