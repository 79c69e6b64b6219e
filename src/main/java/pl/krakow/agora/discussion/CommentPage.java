package pl.krakow.agora.discussion;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of threads.
 *
 * @param nextCursor pass it to {@link DiscussionService#page} for the next page; null on the last page
 */
public record CommentPage(List<CommentThread> threads, @Nullable String nextCursor) {

    public CommentPage {
        threads = List.copyOf(threads);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
