package pl.krakow.agora.forum.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.forum.ForumChangeFeed;
import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.LiveSession;

/**
 * The large screen in the room: the session in large type without the site's frame — the current
 * item, the speaker with the countdown, the speakers list, the open vote and the results.
 */
@Route(value = ProjectorView.ROUTE, autoLayout = false)
@AnonymousAllowed
class ProjectorView extends LiveRoute {

    static final String ROUTE = "forum/rzutnik/:id([0-9]{1,18})";

    ProjectorView(LiveSession live, ForumChangeFeed feed, ForumTexts texts, ForumAttachments attachments) {
        super(live, feed, texts, attachments, SessionBoard.Mode.PROJECTOR);
        addClassName("forum-projector");
    }

    @Override
    protected void afterBoard(SessionBoard board) {
        // the page's one main landmark, since the projector has no site frame around it
        remove(board);
        add(new Main(board));
    }

    static String path(long id) {
        return "forum/rzutnik/" + id;
    }
}
