package pl.krakow.agora.panel;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A volunteer's registration form: a contact address when not signed in, the value declared for
 * each category (category id to value id) and the explicit consent to the stated use of the data.
 */
public record VolunteerForm(@Nullable String contact, Map<Long, Long> values, boolean consent) {

    public VolunteerForm {
        values = Map.copyOf(values);
    }
}
