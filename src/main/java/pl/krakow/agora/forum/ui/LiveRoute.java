package pl.krakow.agora.forum.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.forum.ForumChangeFeed;
import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.LiveSession;
import pl.krakow.agora.forum.LiveState;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** A view showing one session live: reads the id from the address and shows a {@link SessionBoard}. */
abstract class LiveRoute extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LiveSession live;
    private final ForumChangeFeed feed;
    private final ForumTexts texts;
    private final ForumAttachments attachments;
    private final SessionBoard.Mode mode;
    protected @Nullable SessionBoard board;

    LiveRoute(LiveSession live, ForumChangeFeed feed, ForumTexts texts, ForumAttachments attachments,
            SessionBoard.Mode mode) {
        this.attachments = attachments;
        this.live = live;
        this.feed = feed;
        this.texts = texts;
        this.mode = mode;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (board != null && board.sessionId() == id) {
            return;
        }
        removeAll();
        try {
            board = new SessionBoard(live, feed, texts, attachments, id, mode, UiLanguage.of(getLocale()));
        } catch (AgoraException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        add(board);
        afterBoard(board);
    }

    /** Extra parts below the board (links, minutes approval). */
    protected void afterBoard(SessionBoard board) {
    }

    @Override
    public String getPageTitle() {
        LiveState s = board == null ? null : board.state();
        return (s == null ? getTranslation("forum.front.title")
                : getTranslation("forum.live.heading", s.session().number(), s.session().bodyName()))
                + " — " + getTranslation("app.name");
    }
}
