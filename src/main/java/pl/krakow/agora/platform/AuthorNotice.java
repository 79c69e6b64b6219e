package pl.krakow.agora.platform;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to a person's own content that they should hear about in their in-app
 * notifications ("your proposal moved to: in implementation", "your project was rejected: …").
 * Published by the content module in the transaction that decided it; the notifications inbox
 * stores it after commit, through the event publication registry, so a notice is neither lost nor
 * sent for a change that was rolled back.
 *
 * @param kind      what happened: the notifications page shows the bundle text
 *                  {@code moderation.notifications.<kind>} with {0} the date and {1} the detail
 * @param excerpt   the beginning of the content concerned, as the author wrote it
 * @param reason    the decider's published reason
 * @param detailKey an i18n key shown as {1} (for example the new status), or null
 */
public record AuthorNotice(long userId, String kind, ContentRef content, String excerpt, String reason,
        @Nullable String detailKey) {

    public AuthorNotice {
        if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("kind must be an upper-case key of at most 40 characters");
        }
    }
}
