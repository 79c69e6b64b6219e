package pl.krakow.agora.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/**
 * One entry of the moderators' queue or of the list of hidden content.
 *
 * @param openFlags      flags not yet decided on (the queue's sort key)
 * @param reasons        how many open flags give each reason
 * @param item           the content as its module describes it; null when it no longer exists
 * @param lastDecision   the latest decision on this content, if any
 */
public record ModerationCase(long id, ContentRef content, CaseStatus status, int openFlags, int totalFlags,
        Map<FlagReason, Integer> reasons, List<FlagView> flags, @Nullable Instant firstFlaggedAt,
        @Nullable ModeratedItem item, @Nullable DecisionView lastDecision) {
}
