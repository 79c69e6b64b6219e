package pl.krakow.agora.moderation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/**
 * A piece of content as moderators see it, supplied by the module that owns it.
 *
 * @param text         the text as written (plain text; never rendered as HTML)
 * @param context      what the content belongs to, for the moderator (e.g. the commented item's reference)
 * @param hiddenReason the moderator's reason while the content is hidden
 */
public record ModeratedItem(ContentRef content, String text, long authorId, String authorName, Instant createdAt,
        String context, boolean hidden, @Nullable String hiddenReason, boolean deleted) {
}
