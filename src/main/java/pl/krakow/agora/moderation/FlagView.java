package pl.krakow.agora.moderation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One open flag as moderators see it; who flagged is not shown, so that readers flag without fear. */
public record FlagView(FlagReason reason, @Nullable String details, Instant flaggedAt) {
}
