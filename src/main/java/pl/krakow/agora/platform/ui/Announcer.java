package pl.krakow.agora.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;

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
        getElement().setAttribute("data-urgency", urgency.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Announces a text. The region is emptied first and filled in the next frame, so that the same
     * message said twice is read twice.
     */
    public void announce(String text) {
        getElement().setText("");
        getElement().executeJs("const el = this; const t = $0; requestAnimationFrame(() => el.textContent = t);", text);
    }

    /** The announcer of the given urgency in the current UI's layout, if the layout has one. */
    public static java.util.Optional<Announcer> current(Urgency urgency) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return java.util.Optional.empty();
        }
        return ui.getChildren().flatMap(Announcer::descendants)
                .filter(Announcer.class::isInstance)
                .map(Announcer.class::cast)
                .filter(a -> a.getElement().getAttribute("data-urgency")
                        .equals(urgency.name().toLowerCase(java.util.Locale.ROOT)))
                .findFirst();
    }

    private static java.util.stream.Stream<Component> descendants(Component component) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(component),
                component.getChildren().flatMap(Announcer::descendants));
    }
}
