package pl.krakow.agora.recommendation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step in a recommendation's public history. */
public record StatusChange(@Nullable WorkflowStatus from, WorkflowStatus to, String reason, String changedBy,
        Instant changedAt) {
}
