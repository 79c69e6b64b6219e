/**
 * Public discussion on anything commentable (issue 5, items 7-9): threaded comments with replies to
 * a configurable depth, edits within a time window, soft deletion by the author, support/oppose
 * reactions (one per user, enforced by the database), sorting and keyset pagination, plain text
 * only, and a per-author rate limit decided by the database.
 *
 * <p>Other modules refer to the thing being discussed by a {@link pl.krakow.agora.discussion.CommentableRef},
 * ask {@link pl.krakow.agora.discussion.DiscussionService} for public counts, and embed the
 * {@link pl.krakow.agora.discussion.ui.CommentsPanel} in their views. Every saved or edited comment
 * publishes {@link pl.krakow.agora.platform.ContentSubmitted}. Moderation is upstream: this module
 * implements its {@link pl.krakow.agora.moderation.ModeratableContent} and keeps the hidden state of
 * its comments itself.
 */
@ApplicationModule(displayName = "Discussion",
        allowedDependencies = {"platform", "platform::i18n", "platform::ui", "identity", "moderation", "moderation::ui", "translation"})
@NullMarked
package pl.krakow.agora.discussion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
