package pl.krakow.agora.forum.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.forum.Body;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.Member;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SessionSummary;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;

/**
 * The forum's front page, open to everyone (issue 7, item 7): the bodies with their statutes and
 * members, their sessions, and for each session the live gallery, the projector screen and the
 * minutes; members also get the link to take part.
 */
@Route(ForumView.ROUTE)
@Menu(order = 30, title = "forum.nav.forum")
@AnonymousAllowed
class ForumView extends Div implements HasDynamicTitle {

    static final String ROUTE = "forum";

    ForumView(ForumService forum, CurrentUser currentUser) {
        addClassName("forum-front");
        add(new H1(getTranslation("forum.front.title")), new Paragraph(getTranslation("forum.front.lead")));
        if (currentUser.hasRole(Role.ADMIN)) {
            Anchor admin = new Anchor(ForumAdminView.ROUTE, getTranslation("forum.admin.title"));
            admin.setId("forum-admin-link");
            add(new Paragraph(admin));
        }
        List<Member> mine = forum.myMemberships();
        List<Body> bodies = forum.bodies();
        if (bodies.isEmpty()) {
            add(new Paragraph(getTranslation("forum.front.no-bodies")));
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Warsaw"));
        for (Body body : bodies) {
            Section section = new Section();
            section.add(new H2(body.name()));
            section.add(new Paragraph(getTranslation("forum.front.statute", body.members(),
                    getTranslation("forum.quorum." + body.statute().quorum().name()),
                    getTranslation("forum.majority." + body.statute().defaultMajority().name()),
                    getTranslation(body.statute().openVotesByDefault() ? "forum.front.votes-open" : "forum.front.votes-secret"),
                    body.statute().speakingSeconds() / 60, body.statute().speakingSeconds() % 60)));
            UnorderedList members = new UnorderedList();
            members.getElement().setAttribute("aria-label", getTranslation("forum.front.members", body.name()));
            forum.members(body.id()).forEach(m -> members.add(new ListItem(m.displayName() + " — "
                    + getTranslation("forum.role." + m.role().name()))));
            section.add(new Paragraph(getTranslation("forum.front.members", body.name())), members);
            boolean member = mine.stream().anyMatch(m -> m.bodyId() == body.id());
            List<SessionSummary> sessions = forum.sessions(body.id());
            section.add(new H3(getTranslation("forum.front.sessions")));
            if (sessions.isEmpty()) {
                section.add(new Paragraph(getTranslation("forum.front.no-sessions")));
            }
            UnorderedList list = new UnorderedList();
            for (SessionSummary s : sessions) {
                ListItem li = new ListItem(new Span(getTranslation("forum.front.session", s.number(),
                        format.format(s.startsAt()), s.place(), getTranslation("forum.status." + s.status().name()))));
                Div links = new Div();
                links.addClassName("agora-link-row");
                if (member || currentUser.hasRole(Role.ADMIN)) {
                    Anchor join = new Anchor(SessionView.path(s.id()), getTranslation("forum.front.take-part", s.number()));
                    join.setId("forum-take-part-" + s.id());
                    links.add(join, new Span(" · "));
                }
                if (s.status() != SessionStatus.PLANNED) {
                    Anchor gallery = new Anchor(GalleryView.path(s.id()), getTranslation("forum.front.gallery", s.number()));
                    gallery.setId("forum-gallery-" + s.id());
                    links.add(gallery, new Span(" · "),
                            new Anchor(ProjectorView.path(s.id()), getTranslation("forum.front.projector", s.number())),
                            new Span(" · "),
                            new Anchor(MinutesView.path(s.id()), getTranslation("forum.front.minutes", s.number())));
                }
                li.add(links);
                list.add(li);
            }
            section.add(list);
            add(section);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forum.front.title") + " — " + getTranslation("app.name");
    }
}
