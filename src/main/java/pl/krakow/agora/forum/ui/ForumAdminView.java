package pl.krakow.agora.forum.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.forum.Body;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.MemberRole;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SessionSummary;
import pl.krakow.agora.forum.Statute;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.UserDirectory;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * Administrators set the forum up (issue 7, items 1-2): bodies with their statutes, members with
 * roles and terms, and sessions; each session's agenda is prepared on its own page ({@link AgendaView}),
 * which the body's chair uses as well.
 */
@Route(ForumAdminView.ROUTE)
@Menu(order = 31, title = "forum.nav.admin")
@RolesAllowed("ADMIN")
class ForumAdminView extends Div implements HasDynamicTitle {

    static final String ROUTE = "forum/admin";

    private final ForumService forum;
    private final UserDirectory users;
    private final Div content = new Div();

    ForumAdminView(ForumService forum, UserDirectory users) {
        this.forum = forum;
        this.users = users;
        add(new H1(getTranslation("forum.admin.title")), content);
        render();
    }

    private void render() {
        content.removeAll();
        List<Body> bodies = forum.bodies();
        content.add(bodyForm(), memberForm(bodies), sessionForm(bodies), agendas(bodies));
    }

    private Section bodyForm() {
        TextField name = new TextField(getTranslation("forum.admin.body-name"));
        name.setId("forum-body-name");
        name.setMaxLength(200);
        Select<QuorumRule> quorum = new Select<>();
        quorum.setLabel(getTranslation("forum.admin.quorum"));
        quorum.setItems(QuorumRule.values());
        quorum.setItemLabelGenerator(q -> getTranslation("forum.quorum." + q.name()));
        quorum.setValue(QuorumRule.MORE_THAN_HALF);
        Select<Majority> majority = new Select<>();
        majority.setLabel(getTranslation("forum.admin.majority"));
        majority.setItems(Majority.values());
        majority.setItemLabelGenerator(m -> getTranslation("forum.majority." + m.name()));
        majority.setValue(Majority.SIMPLE);
        Checkbox open = new Checkbox(getTranslation("forum.admin.open-votes"), true);
        Checkbox change = new Checkbox(getTranslation("forum.admin.vote-change"), true);
        IntegerField seconds = new IntegerField(getTranslation("forum.admin.speaking-seconds"));
        seconds.setValue(300);
        seconds.setMin(Statute.MIN_SPEAKING);
        seconds.setMax(Statute.MAX_SPEAKING);
        Button create = new Button(getTranslation("forum.admin.create-body"), e -> act(() -> {
            forum.createBody(name.getValue(), new Statute(quorum.getValue(), majority.getValue(), open.getValue(),
                    change.getValue(), seconds.getValue() == null ? 0 : seconds.getValue()));
        }));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("forum-create-body");
        return new Section(new H2(getTranslation("forum.admin.new-body")), row(name, quorum, majority, seconds),
                row(open, change), create);
    }

    private Section memberForm(List<Body> bodies) {
        Select<Body> body = bodySelect(bodies);
        TextField username = new TextField(getTranslation("forum.admin.username"));
        username.setId("forum-member-username");
        Select<MemberRole> role = new Select<>();
        role.setLabel(getTranslation("forum.admin.role"));
        role.setItems(MemberRole.values());
        role.setItemLabelGenerator(r -> getTranslation("forum.role." + r.name()));
        role.setValue(MemberRole.MEMBER);
        DatePicker start = new DatePicker(getTranslation("forum.admin.term-start"), LocalDate.now(ZoneId.of("Europe/Warsaw")));
        DatePicker end = new DatePicker(getTranslation("forum.admin.term-end"));
        Button add = new Button(getTranslation("forum.admin.add-member"), e -> act(() -> {
            requireBody(body.getValue());
            var user = users.byUsername(username.getValue())
                    .orElseThrow(() -> new AgoraException("forum.error.no-such-user", username.getValue()));
            forum.addMember(body.getValue().id(), user, role.getValue(), start.getValue(), end.getValue());
        }));
        add.setId("forum-add-member");
        return new Section(new H2(getTranslation("forum.admin.new-member")), row(body, username, role, start, end), add);
    }

    private Section sessionForm(List<Body> bodies) {
        Select<Body> body = bodySelect(bodies);
        IntegerField number = new IntegerField(getTranslation("forum.admin.number"));
        number.setMin(1);
        DateTimePicker when = new DateTimePicker(getTranslation("forum.admin.when"));
        TextField place = new TextField(getTranslation("forum.admin.place"));
        place.setMaxLength(255);
        Checkbox remote = new Checkbox(getTranslation("forum.admin.remote"), true);
        Button schedule = new Button(getTranslation("forum.admin.schedule"), e -> act(() -> {
            requireBody(body.getValue());
            if (when.getValue() == null) {
                throw new AgoraException("forum.error.date-required");
            }
            forum.scheduleSession(body.getValue().id(), number.getValue() == null ? 0 : number.getValue(),
                    when.getValue().atZone(ZoneId.of("Europe/Warsaw")).toInstant(), place.getValue(), remote.getValue());
        }));
        schedule.setId("forum-schedule");
        return new Section(new H2(getTranslation("forum.admin.new-session")), row(body, number, when, place), remote,
                schedule);
    }

    /** Each session not yet closed, with the way to its agenda (prepared on the session's own page). */
    private Section agendas(List<Body> bodies) {
        Section section = new Section(new H2(getTranslation("forum.admin.agenda")),
                new Paragraph(getTranslation("forum.admin.agenda-help")));
        UnorderedList list = new UnorderedList();
        list.setId("forum-admin-sessions");
        for (Body b : bodies) {
            for (SessionSummary s : forum.sessions(b.id())) {
                if (s.status() != SessionStatus.CLOSED) {
                    Anchor link = new Anchor(AgendaView.path(s.id()), b.name() + " — " + getTranslation(
                            "forum.front.session-short", s.number(), getTranslation("forum.status." + s.status().name())));
                    link.setId("forum-admin-agenda-" + s.id());
                    list.add(new ListItem(link));
                }
            }
        }
        if (list.getChildren().findAny().isEmpty()) {
            section.add(new Paragraph(getTranslation("forum.admin.no-open-sessions")));
        }
        section.add(list);
        return section;
    }

    private Select<Body> bodySelect(List<Body> bodies) {
        Select<Body> body = new Select<>();
        body.setLabel(getTranslation("forum.admin.body"));
        body.setItems(bodies);
        body.setItemLabelGenerator(b -> b == null ? "" : b.name());
        if (!bodies.isEmpty()) {
            body.setValue(bodies.getFirst());
        }
        return body;
    }

    private static void requireBody(Body body) {
        if (body == null) {
            throw new AgoraException("forum.error.no-body");
        }
    }

    private static Div row(com.vaadin.flow.component.Component... components) {
        Div row = new Div(components);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1rem");
        return row;
    }

    private void act(Runnable action) {
        try {
            action.run();
            Notification.show(getTranslation("forum.admin.saved"), 4000, Notification.Position.TOP_CENTER);
            render();
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forum.admin.title") + " — " + getTranslation("app.name");
    }
}
