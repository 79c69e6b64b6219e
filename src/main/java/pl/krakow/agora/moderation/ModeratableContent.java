package pl.krakow.agora.moderation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import pl.krakow.agora.platform.ContentRef;

/**
 * Implemented by a content module (as a Spring bean) for the content it lets readers flag and
 * moderators hide. Moderation finds the implementation by {@link #handles(ContentRef)} and calls it
 * inside its own transaction, so that a decision and the content's new state commit together.
 * The owning module keeps the hidden state itself, so its public queries, counts, APIs and exports
 * can leave hidden content out without asking moderation.
 */
public interface ModeratableContent {

    /** Whether this implementation owns the content. */
    boolean handles(ContentRef content);

    /**
     * The author's user id when the content exists and readers may flag it now (it is visible to the
     * public: not deleted, not hidden); empty otherwise.
     */
    Optional<Long> flaggableAuthor(ContentRef content);

    /** The moderators' view of the given content; content that no longer exists is left out. */
    Map<ContentRef, ModeratedItem> describe(Collection<ContentRef> contents);

    /** Hides the content from everyone but its author and moderators, with the reason shown in its place. */
    void hide(ContentRef content, String reason);

    /** Shows hidden content again. */
    void restore(ContentRef content);
}
