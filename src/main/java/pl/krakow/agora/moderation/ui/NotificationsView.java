package pl.krakow.agora.moderation.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import pl.krakow.agora.moderation.InboxNotification;
import pl.krakow.agora.moderation.NotificationInbox;
import pl.krakow.agora.platform.i18n.Formats;

/**
 * The signed-in user's notices: which of their texts a moderator hid or restored, and why. Opening
 * the page marks them read; the new ones are marked "new" on this visit.
 */
@Route("powiadomienia")
@Menu(order = 75, title = "moderation.nav.notifications")
@PermitAll
class NotificationsView extends Div implements HasDynamicTitle {

    NotificationsView(NotificationInbox inbox) {
        addClassName("agora-notifications");
        List<InboxNotification> notices = inbox.mine(100);
        long unread = notices.stream().filter(InboxNotification::unread).count();
        add(new H1(getTranslation("moderation.notifications.title")));
        Paragraph summary = new Paragraph(unread == 0 ? getTranslation("moderation.notifications.none-new")
                : getTranslation("moderation.notifications.new", unread));
        summary.setId("notifications-summary");
        add(summary);
        if (notices.isEmpty()) {
            add(new Paragraph(getTranslation("moderation.notifications.empty")));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("notifications-list");
            list.addClassName("agora-notification-list");
            for (InboxNotification notice : notices) {
                ListItem item = new ListItem();
                item.addClassName("agora-notification");
                item.setId("notification-" + notice.id());
                if (notice.unread()) {
                    Span badge = new Span(getTranslation("moderation.notifications.badge"));
                    badge.addClassName("agora-badge");
                    item.add(badge);
                }
                Paragraph what = new Paragraph(getTranslation("moderation.notifications." + notice.kind(),
                        Formats.dateTime(notice.createdAt(), getLocale()),
                        notice.detailKey() == null ? "" : getTranslation(notice.detailKey())));
                what.addClassName("agora-notification-what");
                Paragraph reason = new Paragraph(getTranslation("moderation.notifications.reason", notice.reason()));
                Paragraph excerpt = new Paragraph(getTranslation("moderation.notifications.excerpt", notice.excerpt()));
                excerpt.addClassName("agora-notification-excerpt");
                excerpt.getElement().setAttribute("dir", "auto");
                item.add(what, reason, excerpt);
                list.add(item);
            }
            add(list);
        }
        if (unread > 0) {
            inbox.markAllRead();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.notifications.title") + " · " + getTranslation("app.name");
    }
}
