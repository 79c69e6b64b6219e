package pl.krakow.agora.moderation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/**
 * An in-app notice to an author about their content.
 *
 * @param kind    {@code HIDDEN} or {@code RESTORED}
 * @param excerpt the beginning of the text concerned
 */
public record InboxNotification(long id, String kind, ContentRef content, String excerpt, String reason,
        Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
