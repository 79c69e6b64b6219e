package pl.krakow.agora.forum;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Minutes of a session: the text (plain, "# " starts a heading), DRAFT or APPROVED, and when approved. */
public record MinutesDocument(long sessionId, String text, boolean approved, Instant editedAt,
        @Nullable Integer approvedAtSessionNumber) {
}
