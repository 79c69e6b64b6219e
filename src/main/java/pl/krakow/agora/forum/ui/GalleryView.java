package pl.krakow.agora.forum.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.forum.ForumChangeFeed;
import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.LiveSession;

/** The public gallery: the live session read-only, for anyone (issue 7, item 7). */
@Route(GalleryView.ROUTE)
@AnonymousAllowed
class GalleryView extends LiveRoute {

    static final String ROUTE = "forum/galeria/:id([0-9]{1,18})";

    GalleryView(LiveSession live, ForumChangeFeed feed, ForumTexts texts, ForumAttachments attachments) {
        super(live, feed, texts, attachments, SessionBoard.Mode.GALLERY);
        addClassName("forum-gallery");
    }

    static String path(long id) {
        return "forum/galeria/" + id;
    }
}
