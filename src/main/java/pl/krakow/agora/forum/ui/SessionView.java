package pl.krakow.agora.forum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import pl.krakow.agora.forum.AgendaItem;
import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.forum.ForumChangeFeed;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.ItemStatus;
import pl.krakow.agora.forum.NewAgendaItem;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.forum.ForumMinutes;
import pl.krakow.agora.forum.LiveSession;
import pl.krakow.agora.forum.LiveState;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SessionSummary;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * A member's screen of a live session: check-in, the speakers list and own requests, motions,
 * voting; the chair's controls when the member chairs (issue 7, items 3-6). Signed-in users only;
 * whether one is a member of the body is the services' decision.
 */
@Route(SessionView.ROUTE)
@PermitAll
class SessionView extends LiveRoute {

    static final String ROUTE = "forum/sesja/:id([0-9]{1,18})";

    private final ForumMinutes minutes;
    private final ForumService forum;
    private final LiveSession live;

    SessionView(LiveSession live, ForumChangeFeed feed, ForumTexts texts, ForumAttachments attachments,
            ForumMinutes minutes, ForumService forum) {
        super(live, feed, texts, attachments, SessionBoard.Mode.MEMBER);
        this.minutes = minutes;
        this.forum = forum;
        this.live = live;
        addClassName("forum-session");
    }

    static String path(long id) {
        return "forum/sesja/" + id;
    }

    /** Members propose agenda items and motions before the session (issue 7, item 2). */
    private Section proposals(long sessionId, LiveState s) {
        UiLanguage reader = UiLanguage.of(getLocale());
        TextField title = new TextField(getTranslation("forum.admin.item-title"));
        title.setId("forum-propose-title");
        title.setMaxLength(NewAgendaItem.MAX_TITLE);
        TextArea description = new TextArea(getTranslation("forum.admin.item-description"));
        description.setWidthFull();
        TextArea draft = new TextArea(getTranslation("forum.admin.item-draft"));
        draft.setWidthFull();
        Button send = new Button(getTranslation("forum.propose.item-send"), e -> act(() -> {
            forum.proposeAgendaItem(sessionId, new NewAgendaItem(title.getValue(), description.getValue(), "",
                    draft.getValue()), reader);
            title.clear();
            description.clear();
            draft.clear();
        }));
        send.setId("forum-propose-send");
        Select<AgendaItem> item = new Select<>();
        item.setLabel(getTranslation("forum.propose.motion-item"));
        item.setItems(s.agenda().stream().filter(i -> i.status() == ItemStatus.ACCEPTED).toList());
        item.setItemLabelGenerator(i -> i == null ? "" : i.number() + ". " + i.title());
        TextArea motion = new TextArea(getTranslation("forum.live.motion-text"));
        motion.setWidthFull();
        Button submit = new Button(getTranslation("forum.live.submit-motion"), e -> act(() -> {
            if (item.getValue() == null) {
                throw new AgoraException("forum.error.no-item");
            }
            live.submitMotion(item.getValue().id(), null, motion.getValue(), reader);
            motion.clear();
        }));
        return new Section(new H2(getTranslation("forum.propose.item-title")), title, description, draft, send,
                new H2(getTranslation("forum.propose.motion-title")), item, motion, submit);
    }

    private void act(Runnable action) {
        try {
            action.run();
            Notification.show(getTranslation("forum.propose.sent"), 5000, Notification.Position.TOP_CENTER);
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    protected void afterBoard(SessionBoard board) {
        Div links = new Div(new Anchor(GalleryView.path(board.sessionId()), getTranslation("forum.live.to-gallery")),
                new Anchor(ProjectorView.path(board.sessionId()), getTranslation("forum.live.to-projector")),
                new Anchor(MinutesView.path(board.sessionId()), getTranslation("forum.live.to-minutes")));
        links.addClassName("agora-link-row");
        links.getStyle().set("display", "flex").set("gap", "1rem");
        add(links);
        LiveState s = board.state();
        if (s != null && s.session().status() != SessionStatus.CLOSED && forum.mayPrepare(board.sessionId())) {
            Anchor agenda = new Anchor(AgendaView.path(board.sessionId()), getTranslation("forum.live.to-agenda"));
            agenda.setId("forum-to-agenda");
            links.addComponentAsFirst(agenda);
        } else if (s != null && s.viewer() != null && (s.session().status() == SessionStatus.PLANNED
                || s.session().status() == SessionStatus.PUBLISHED)) {
            Anchor mine = new Anchor(AgendaView.path(board.sessionId()), getTranslation("forum.live.to-my-proposals"));
            mine.setId("forum-to-my-proposals");
            links.addComponentAsFirst(mine);
        }
        if (s != null && s.viewer() != null && (s.session().status() == SessionStatus.PLANNED
                || s.session().status() == SessionStatus.PUBLISHED)) {
            Section proposals = proposals(board.sessionId(), s);
            add(proposals);
            // proposals are taken before the session only: the form goes when the chair opens it
            board.onState(now -> proposals.setVisible(now.session().status() == SessionStatus.PLANNED
                    || now.session().status() == SessionStatus.PUBLISHED));
        }
        if (s != null && s.viewer() != null && s.viewer().chairs() && s.session().status() == SessionStatus.OPEN) {
            var waiting = minutes.awaitingApproval(board.sessionId());
            if (!waiting.isEmpty()) {
                Section approve = new Section(new H2(getTranslation("forum.minutes.approve-title")));
                for (SessionSummary earlier : waiting) {
                    Button b = new Button(getTranslation("forum.minutes.approve", earlier.number()));
                    b.setId("forum-approve-minutes-" + earlier.id());
                    b.addClickListener(e -> {
                        try {
                            minutes.approve(earlier.id(), board.sessionId());
                            b.setEnabled(false);
                            b.setText(getTranslation("forum.minutes.approved-now", earlier.number()));
                        } catch (RuntimeException error) {
                            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
                        }
                    });
                    approve.add(new Div(b));
                }
                add(approve);
            }
        }
    }
}
