package pl.krakow.agora.panel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an organiser fills in to create a panel (issue 6, item 1). The registration window is given
 * in days (Kraków time): from the start of {@code registrationOpens} to the end of
 * {@code registrationCloses}.
 */
public record PanelDefinition(String topic, String description, int panelSize, int alternates,
        LocalDate registrationOpens, LocalDate registrationCloses, int thresholdPercent, int quorumPercent,
        List<CategorySpec> categories, List<MeetingSpec> meetings) {

    public PanelDefinition {
        categories = List.copyOf(categories);
        meetings = List.copyOf(meetings);
    }

    /** A category volunteers declare (for example an age band) and its values with quotas. */
    public record CategorySpec(String name, List<ValueSpec> values) {
        public CategorySpec {
            values = List.copyOf(values);
        }
    }

    /** One value of a category with the panel's minimum and maximum number of members having it. */
    public record ValueSpec(String name, int min, int max) {
    }

    /** One meeting of the panel. */
    public record MeetingSpec(LocalDateTime startsAt, String place) {
    }
}
