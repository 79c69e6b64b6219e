package pl.krakow.agora.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A panel as anyone may see it: its rules, quotas and the pool's composition in aggregate only
 * (how many volunteers declared each value, never who), the seed commitment and the draw's state.
 */
public record PanelOverview(long id, String topic, String description, String language, int panelSize,
        int alternates, LocalDate registrationOpens, LocalDate registrationCloses, int thresholdPercent,
        int quorumPercent, PanelStatus status, boolean registrationOpen, @Nullable String seedCommitment,
        @Nullable String seedPublicSource, @Nullable Instant committedAt, DrawStatus drawStatus,
        @Nullable Instant drawStartedAt, @Nullable String drawErrorKey, List<String> drawErrorArgs, int poolSize,
        List<CategoryComposition> categories, List<Meeting> meetings) {

    public PanelOverview {
        drawErrorArgs = List.copyOf(drawErrorArgs);
        categories = List.copyOf(categories);
        meetings = List.copyOf(meetings);
    }

    /** A category with its values. */
    public record CategoryComposition(long id, String name, List<ValueComposition> values) {
        public CategoryComposition {
            values = List.copyOf(values);
        }
    }

    /** A value's quota and how many volunteers in the pool declared it. */
    public record ValueComposition(long id, String name, int min, int max, int inPool) {
    }

    /** A meeting of the panel. */
    public record Meeting(Instant startsAt, String place) {
    }
}
