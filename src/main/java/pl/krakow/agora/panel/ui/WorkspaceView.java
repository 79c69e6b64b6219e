package pl.krakow.agora.panel.ui;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.ui.CommentsPanel;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.panel.DraftStatus;
import pl.krakow.agora.panel.PanelVotes;
import pl.krakow.agora.panel.PanelWorkspace;
import pl.krakow.agora.panel.VoteChoice;
import pl.krakow.agora.panel.Workspace;
import pl.krakow.agora.panel.WorkspaceRole;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.translation.TranslatedText;

/**
 * A panel's private workspace (issue 6, items 8-10): schedule, people, materials, discussion,
 * draft recommendations with versions and the members' final votes. Who may enter is decided by
 * {@link PanelWorkspace}, which refuses everyone else.
 */
@Route(WorkspaceView.ROUTE)
@PermitAll
class WorkspaceView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String ROUTE = "panel/przestrzen";

    private final PanelWorkspace workspace;
    private final PanelVotes votes;
    private final CurrentUser currentUser;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final Div content = new Div();
    private long id;
    private String title = "";
    private @Nullable CommentsPanel comments;

    WorkspaceView(PanelWorkspace workspace, PanelVotes votes, CurrentUser currentUser) {
        this.workspace = workspace;
        this.votes = votes;
        this.currentUser = currentUser;
        addClassName("agora-panel-workspace");
        add(content, announcer);
    }

    static String path(long id) {
        return ROUTE + "/" + id;
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        id = parameter;
        render(null);
    }

    private UiLanguage reader() {
        return UiLanguage.of(getLocale());
    }

    private void render(@Nullable String focusId) {
        content.removeAll();
        Workspace ws;
        try {
            ws = workspace.open(id, reader());
        } catch (AgoraException denied) {
            title = getTranslation("panel.workspace.denied-title");
            content.add(new H1(title), new Paragraph(getTranslation(denied.messageKey(), denied.arguments())));
            return;
        }
        title = getTranslation("panel.workspace.title", ws.topic());
        H1 h1 = new H1(title);
        h1.setId("workspace-heading");
        h1.getElement().setAttribute("tabindex", "-1");
        content.add(h1, new Paragraph(getTranslation("panel.workspace.lead",
                getTranslation("panel.workspace.role." + ws.myRole().name()), ws.members(), ws.thresholdPercent(),
                ws.quorumPercent())));
        content.add(new Paragraph(new Anchor(PanelView.path(id), getTranslation("panel.workspace.public-page"))));

        Section schedule = new Section(new H2(getTranslation("panel.view.schedule")));
        if (ws.meetings().isEmpty()) {
            schedule.add(new Paragraph(getTranslation("panel.view.schedule-none")));
        } else {
            UnorderedList ul = new UnorderedList();
            ws.meetings().forEach(m -> ul.add(new ListItem(Formats.dateTime(m.startsAt(), getLocale()) + " — " + m.place())));
            schedule.add(ul);
        }
        content.add(schedule);

        Section people = new Section(new H2(getTranslation("panel.workspace.staff")));
        if (ws.staff().isEmpty()) {
            people.add(new Paragraph(getTranslation("panel.workspace.staff-none")));
        } else {
            UnorderedList ul = new UnorderedList();
            ws.staff().forEach(s -> ul.add(new ListItem(s.name() + " — "
                    + getTranslation("panel.workspace.role." + s.role().name()))));
            people.add(ul);
        }
        content.add(people);

        content.add(materials(ws), drafts(ws));
        if (comments == null) {
            comments = new CommentsPanel(new CommentableRef("panel", "workspace", String.valueOf(id)));
        }
        content.add(comments);
        if (focusId != null) {
            content.getElement().executeJs("const e = document.getElementById($0); if (e) e.focus();", focusId);
        }
    }

    private Section materials(Workspace ws) {
        Section s = new Section(new H2(getTranslation("panel.workspace.materials")));
        s.setId("workspace-materials");
        if (ws.materials().isEmpty()) {
            s.add(new Paragraph(getTranslation("panel.workspace.materials-none")));
        }
        for (Workspace.Material m : ws.materials()) {
            H3 h = new H3(m.title().text());
            h.getElement().setAttribute("lang", m.title().language().isEmpty() ? getLocale().getLanguage()
                    : m.title().language());
            s.add(h, new TranslatedText(m.body()), new Paragraph(getTranslation("panel.workspace.by", m.author(),
                    Formats.dateTime(m.createdAt(), getLocale()))));
        }
        if (ws.myRole() != WorkspaceRole.MEMBER) {
            TextField t = new TextField(getTranslation("panel.workspace.material-title"));
            t.setId("material-title");
            t.setWidthFull();
            CharacterCounter.attach(t, PanelWorkspace.MAX_TITLE);
            TextArea b = new TextArea(getTranslation("panel.workspace.material-body"));
            b.setId("material-body");
            b.setWidthFull();
            CharacterCounter.attach(b, PanelWorkspace.MAX_BODY);
            Button add = new Button(getTranslation("panel.workspace.material-add"), e -> act(() -> {
                workspace.addMaterial(id, t.getValue(), b.getValue(), reader());
                return getTranslation("panel.workspace.material-added");
            }, "workspace-heading"));
            Details form = new Details(getTranslation("panel.workspace.material-new"), new Div(t, b, add));
            s.add(form);
        }
        return s;
    }

    private Section drafts(Workspace ws) {
        Section s = new Section(new H2(getTranslation("panel.workspace.drafts")));
        s.setId("workspace-drafts");
        if (ws.drafts().isEmpty()) {
            s.add(new Paragraph(getTranslation("panel.workspace.drafts-none")));
        }
        boolean staff = ws.myRole() == WorkspaceRole.FACILITATOR || ws.myRole() == WorkspaceRole.ORGANISER;
        boolean organiser = currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN);
        for (Workspace.Draft d : ws.drafts()) {
            Div box = new Div();
            box.addClassName("agora-panel-draft");
            box.setId("draft-" + d.id());
            Workspace.Version v = d.latest();
            H3 h = new H3(v.title().text());
            h.setId("draft-title-" + d.id());
            h.getElement().setAttribute("tabindex", "-1");
            if (!v.title().language().isEmpty()) {
                h.getElement().setAttribute("lang", v.title().language());
            }
            box.getElement().setAttribute("aria-labelledby", h.getId().orElseThrow());
            box.add(h, new Paragraph(getTranslation("panel.draft.meta", v.number(),
                    getTranslation("panel.draft.status." + d.status().name()), v.author(),
                    Formats.dateTime(v.createdAt(), getLocale()))), new TranslatedText(v.body()));
            if (d.versions().size() > 1) {
                Div older = new Div();
                for (int i = d.versions().size() - 2; i >= 0; i--) {
                    Workspace.Version o = d.versions().get(i);
                    older.add(new Paragraph(getTranslation("panel.draft.version", o.number(), o.author(),
                            Formats.dateTime(o.createdAt(), getLocale()))), new TranslatedText(o.title()),
                            new TranslatedText(o.body()));
                }
                box.add(new Details(getTranslation("panel.draft.history", d.versions().size() - 1), older));
            }
            if (d.status() == DraftStatus.DRAFT && (ws.myRole() == WorkspaceRole.MEMBER || staff)) {
                TextField t = new TextField(getTranslation("panel.draft.title-field"));
                t.setValue(v.title().original());
                t.setWidthFull();
                TextArea b = new TextArea(getTranslation("panel.draft.body-field"));
                b.setValue(v.body().original());
                b.setWidthFull();
                Button save = new Button(getTranslation("panel.draft.revise"), e -> act(() -> {
                    int n = workspace.reviseDraft(d.id(), t.getValue(), b.getValue(), reader());
                    return getTranslation("panel.draft.revised", n);
                }, "draft-title-" + d.id()));
                box.add(new Details(getTranslation("panel.draft.new-version"), new Div(t, b, save)));
            }
            if (d.status() == DraftStatus.DRAFT && staff) {
                Button open = new Button(getTranslation("panel.vote.open"), e -> act(() -> {
                    votes.openVote(d.id());
                    return getTranslation("panel.vote.opened");
                }, "draft-title-" + d.id()));
                open.setId("draft-open-vote-" + d.id());
                box.add(open);
            }
            if (d.status() == DraftStatus.VOTING && ws.myRole() == WorkspaceRole.MEMBER) {
                if (d.iVoted()) {
                    box.add(new Paragraph(getTranslation("panel.vote.voted")));
                } else {
                    RadioButtonGroup<VoteChoice> choice = new RadioButtonGroup<>(getTranslation("panel.vote.label"));
                    choice.setId("draft-choice-" + d.id());
                    choice.setItems(VoteChoice.values());
                    choice.setItemLabelGenerator(c -> getTranslation("panel.vote.choice." + c.name()));
                    Button cast = new Button(getTranslation("panel.vote.cast"), e -> act(() -> {
                        String receipt = votes.cast(d.id(), choice.getValue());
                        return getTranslation("panel.vote.cast-done", receipt);
                    }, "draft-title-" + d.id()));
                    cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    cast.setId("draft-cast-" + d.id());
                    box.add(choice, cast);
                }
            }
            if (d.status() == DraftStatus.VOTING && staff) {
                Button close = new Button(getTranslation("panel.vote.close"), e -> act(() -> {
                    Workspace.Tally t = votes.closeVote(d.id());
                    return getTranslation(t.adopted() ? "panel.vote.adopted" : "panel.vote.rejected");
                }, "draft-title-" + d.id()));
                close.setId("draft-close-vote-" + d.id());
                box.add(close);
            }
            if (d.tally() != null) {
                Workspace.Tally t = d.tally();
                box.add(new Paragraph(getTranslation("panel.vote.tally", t.yes(), t.no(), t.abstain(),
                        getTranslation("panel.draft.status." + d.status().name()))));
                if (!t.quorumMet()) {
                    box.add(new Paragraph(getTranslation("panel.vote.no-quorum")));
                }
            }
            if (d.recommendationCode() != null) {
                box.add(new Paragraph(getTranslation("panel.catalogue.sent", d.recommendationCode())));
            } else if (d.status() == DraftStatus.ADOPTED && organiser) {
                Button send = new Button(getTranslation("panel.catalogue.send"), e -> act(() -> {
                    String code = votes.sendToCatalogue(d.id(), reader());
                    return getTranslation("panel.catalogue.sent", code);
                }, "draft-title-" + d.id()));
                send.setId("draft-send-" + d.id());
                box.add(send);
            }
            s.add(box);
        }
        if (ws.myRole() == WorkspaceRole.MEMBER || staff) {
            TextField t = new TextField(getTranslation("panel.draft.title-field"));
            t.setId("draft-new-title");
            t.setWidthFull();
            CharacterCounter.attach(t, PanelWorkspace.MAX_TITLE);
            TextArea b = new TextArea(getTranslation("panel.draft.body-field"));
            b.setId("draft-new-body");
            b.setWidthFull();
            CharacterCounter.attach(b, PanelWorkspace.MAX_BODY);
            Button add = new Button(getTranslation("panel.draft.propose"), e -> act(() -> {
                workspace.proposeDraft(id, t.getValue(), b.getValue(), reader());
                return getTranslation("panel.draft.proposed");
            }, "workspace-heading"));
            add.setId("draft-new-submit");
            s.add(new Details(getTranslation("panel.draft.new"), new Div(t, b, add)));
        }
        return s;
    }

    private void act(java.util.function.Supplier<String> action, String focusId) {
        try {
            String message = action.get();
            render(focusId);
            announcer.announce(message);
            com.vaadin.flow.component.notification.Notification.show(message, 8000,
                    com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER);
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
