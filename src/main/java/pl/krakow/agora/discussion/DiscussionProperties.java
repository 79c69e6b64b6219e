package pl.krakow.agora.discussion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agora.discussion.*}.
 *
 * @param maxLength  the longest comment, in characters (UTF-16 units, as the browser counts them)
 * @param editWindow how long after writing a comment its author may still edit it
 * @param maxDepth   how deep replies may nest: 3 allows a reply to a reply to a reply
 * @param pageSize   top-level comments per page
 * @param rateLimit  how many comments (and replies) one person may write per minute
 */
@ConfigurationProperties("agora.discussion")
public record DiscussionProperties(@DefaultValue("5000") int maxLength, @DefaultValue("PT15M") Duration editWindow,
        @DefaultValue("3") int maxDepth, @DefaultValue("20") int pageSize, @DefaultValue RateLimit rateLimit) {

    public DiscussionProperties {
        if (maxLength < 1 || maxLength > 1_000_000) {
            throw new IllegalArgumentException("agora.discussion.max-length must be 1..1000000: " + maxLength);
        }
        if (editWindow.isNegative()) {
            throw new IllegalArgumentException("agora.discussion.edit-window must not be negative");
        }
        if (maxDepth < 0 || maxDepth > 20) {
            throw new IllegalArgumentException("agora.discussion.max-depth must be 0..20: " + maxDepth);
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("agora.discussion.page-size must be 1..100: " + pageSize);
        }
    }

    /** @param maxPerMinute comments and replies per person in any 60 seconds */
    public record RateLimit(@DefaultValue("5") int maxPerMinute) {

        public RateLimit {
            if (maxPerMinute < 1) {
                throw new IllegalArgumentException("agora.discussion.rate-limit.max-per-minute must be positive");
            }
        }
    }
}
