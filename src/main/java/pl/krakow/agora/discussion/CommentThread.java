package pl.krakow.agora.discussion;

import java.util.List;

/**
 * A top-level comment with its replies in reading order (each reply right after the comment it
 * answers, answers to the same comment oldest first).
 *
 * @param replyCount   how many replies the thread has in all (before visibility rules)
 * @param moreReplies  only the first replies were loaded; {@link DiscussionService#thread(long)} loads all
 */
public record CommentThread(CommentView root, List<CommentView> replies, int replyCount, boolean moreReplies) {

    public CommentThread {
        replies = List.copyOf(replies);
    }
}
