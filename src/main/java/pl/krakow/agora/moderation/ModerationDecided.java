package pl.krakow.agora.moderation;

import pl.krakow.agora.platform.ContentRef;

/**
 * A moderator decided on a piece of content; published in the deciding transaction, so that other
 * modules (translation, search, exports) can react after commit.
 */
public record ModerationDecided(ContentRef content, DecisionAction action, long decisionId) {
}
