package pl.krakow.agora.moderation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/**
 * An in-app notice to an author about their content.
 *
 * @param kind      {@code HIDDEN}, {@code RESTORED} or another module's {@link pl.krakow.agora.platform.AuthorNotice} kind
 * @param excerpt   the beginning of the text concerned
 * @param detailKey an i18n key for the notice's detail, or null
 */
public record InboxNotification(long id, String kind, ContentRef content, String excerpt, String reason,
        Instant createdAt, @Nullable Instant readAt, @Nullable String detailKey) {

    public boolean unread() {
        return readAt == null;
    }
}
