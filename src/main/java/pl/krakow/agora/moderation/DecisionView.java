package pl.krakow.agora.moderation;

import java.time.Instant;

/** A moderator's decision with its reason, as the case history shows it. */
public record DecisionView(long id, DecisionAction action, String reason, String moderatorName, Instant decidedAt) {
}
