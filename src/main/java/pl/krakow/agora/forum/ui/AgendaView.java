package pl.krakow.agora.forum.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.PermitAll;

import pl.krakow.agora.forum.AgendaItem;
import pl.krakow.agora.forum.Attachment;
import pl.krakow.agora.forum.ForumAttachments;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.ForumTexts;
import pl.krakow.agora.forum.ItemStatus;
import pl.krakow.agora.forum.NewAgendaItem;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SessionSummary;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatedText;

/**
 * The chair's (or an administrator's) preparation of a session (issue 7, item 2): the agenda with
 * its items, rapporteurs, draft resolutions and papers, the order of the items, the members'
 * proposals to accept or reject, and the publication of the agenda. The services decide who may do
 * what; anybody else sees a translated refusal.
 */
@Route(AgendaView.ROUTE)
@PermitAll
class AgendaView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "forum/sesja/:id([0-9]{1,18})/porzadek";

    private final ForumService forum;
    private final ForumAttachments attachments;
    private final ForumTexts texts;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private String title = "";

    AgendaView(ForumService forum, ForumAttachments attachments, ForumTexts texts) {
        this.forum = forum;
        this.attachments = attachments;
        this.texts = texts;
        addClassName("forum-agenda");
    }

    static String path(long sessionId) {
        return "forum/sesja/" + sessionId + "/porzadek";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SessionSummary session;
        try {
            session = forum.session(Long.parseLong(event.getRouteParameters().get("id").orElse("")));
        } catch (NumberFormatException | AgoraException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render(session.id());
    }

    private void render(long sessionId) {
        removeAll();
        SessionSummary session = forum.session(sessionId);
        title = getTranslation("forum.agenda.title", session.number(), session.bodyName());
        add(new H1(title), announcer);
        Paragraph status = new Paragraph(getTranslation("forum.agenda.status",
                getTranslation("forum.status." + session.status().name())));
        status.setId("forum-agenda-status");
        add(status);
        boolean open = session.status() != SessionStatus.CLOSED;
        List<AgendaItem> agenda = forum.agenda(sessionId);
        Map<Long, List<Attachment>> papers = attachments.ofSession(sessionId);
        Map<ContentRef, LocalizedText> shown = texts.agenda(agenda, UiLanguage.of(getLocale()));
        if (!forum.mayPrepare(sessionId)) {
            // a member who proposed items adds their papers here while the chair has not decided
            List<AgendaItem> mine = agenda.stream()
                    .filter(i -> i.status() == ItemStatus.PROPOSED && attachments.mayAttach(i.id())).toList();
            if (mine.isEmpty()) {
                add(new Paragraph(getTranslation("forum.error.not-chair")));
            } else {
                OrderedList list = new OrderedList();
                list.setId("forum-my-proposals");
                mine.forEach(i -> list.add(item(i, shown, papers, true)));
                add(new Section(new H2(getTranslation("forum.agenda.my-proposals")),
                        new Paragraph(getTranslation("forum.agenda.my-proposals-help")), list));
            }
            add(new Paragraph(new Anchor(SessionView.path(sessionId), getTranslation("forum.agenda.to-session"))));
            return;
        }

        List<AgendaItem> onAgenda = agenda.stream()
                .filter(i -> i.status() != ItemStatus.PROPOSED && i.status() != ItemStatus.REJECTED).toList();
        Section items = new Section(new H2(getTranslation("forum.admin.agenda")));
        if (onAgenda.isEmpty()) {
            items.add(new Paragraph(getTranslation("forum.agenda.empty")));
        }
        OrderedList list = new OrderedList();
        list.setId("forum-agenda-items");
        for (int i = 0; i < onAgenda.size(); i++) {
            AgendaItem item = onAgenda.get(i);
            ListItem li = item(item, shown, papers, open);
            if (open && onAgenda.size() > 1) {
                Div order = new Div();
                order.addClassName("agora-link-row");
                if (i > 0) {
                    order.add(small(getTranslation("forum.chair.earlier"), getTranslation("forum.agenda.earlier-named",
                            item.title()), () -> forum.moveItem(item.id(), true), sessionId));
                }
                if (i < onAgenda.size() - 1) {
                    order.add(small(getTranslation("forum.chair.later"), getTranslation("forum.agenda.later-named",
                            item.title()), () -> forum.moveItem(item.id(), false), sessionId));
                }
                li.add(order);
            }
            list.add(li);
        }
        items.add(list);
        add(items);

        List<AgendaItem> proposed = agenda.stream().filter(i -> i.status() == ItemStatus.PROPOSED).toList();
        Section proposals = new Section(new H2(getTranslation("forum.admin.proposals")));
        proposals.setId("forum-agenda-proposals");
        if (proposed.isEmpty()) {
            proposals.add(new Paragraph(getTranslation("forum.agenda.no-proposals")));
        }
        OrderedList proposalList = new OrderedList();
        for (AgendaItem item : proposed) {
            ListItem li = item(item, shown, papers, open);
            Button accept = small(getTranslation("forum.admin.accept"), getTranslation("forum.admin.accept-named",
                    item.title()), () -> forum.decideProposal(item.id(), true), sessionId);
            accept.setId("forum-accept-" + item.id());
            Button reject = small(getTranslation("forum.admin.reject"), getTranslation("forum.admin.reject-named",
                    item.title()), () -> forum.decideProposal(item.id(), false), sessionId);
            reject.setId("forum-reject-" + item.id());
            li.add(new Div(accept, reject));
            proposalList.add(li);
        }
        proposals.add(proposalList);
        add(proposals);

        if (open) {
            add(newItemForm(sessionId));
        }
        if (session.status() == SessionStatus.PLANNED) {
            Button publish = new Button(getTranslation("forum.admin.publish"), e -> act(() -> forum.publishAgenda(sessionId),
                    sessionId));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setId("forum-agenda-publish");
            add(new Section(new H2(getTranslation("forum.agenda.publication")),
                    new Paragraph(getTranslation("forum.agenda.publication-help")), publish));
        }
        add(new Paragraph(new Anchor(SessionView.path(sessionId), getTranslation("forum.agenda.to-session"))));
    }

    /** One item: title, status, proposer, rapporteur, description, draft and papers (with upload while open). */
    private ListItem item(AgendaItem item, Map<ContentRef, LocalizedText> shown, Map<Long, List<Attachment>> papers,
            boolean open) {
        ListItem li = new ListItem();
        li.setId("forum-agenda-item-" + item.id());
        li.add(TranslatedText.rendered(shown.get(ForumService.itemRef(item.id())), H3::new), new Paragraph(getTranslation("forum.item-status." + item.status().name())
                + (item.proposedBy() == null ? "" : " · " + getTranslation("forum.agenda.proposed-by", item.proposedBy()))
                + (item.rapporteur().isEmpty() ? "" : " · " + getTranslation("forum.live.rapporteur", item.rapporteur()))));
        if (!item.description().isEmpty()) {
            li.add(TranslatedText.rendered(shown.get(ForumService.descriptionRef(item.id())), Paragraph::new));
        }
        if (!item.draftText().isEmpty()) {
            li.add(new Paragraph(getTranslation("forum.agenda.draft")),
                    TranslatedText.rendered(shown.get(ForumService.draftRef(item.id())), Paragraph::new));
        }
        List<Attachment> mine = papers.getOrDefault(item.id(), List.of());
        if (!mine.isEmpty()) {
            li.add(AttachmentLinks.of(this, getLocale(), mine, attachments, (row, a) -> {
                if (open) {
                    Button remove = small(getTranslation("forum.attachments.remove"),
                            getTranslation("forum.attachments.remove-named", a.fileName()), () -> attachments.remove(a.id()),
                            item.sessionId());
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
                    row.add(remove);
                }
            }));
        }
        if (open && mine.size() < ForumAttachments.MAX_FILES) {
            li.add(upload(item));
        }
        return li;
    }

    private Component upload(AgendaItem item) {
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                attachments.attach(item.id(), meta.fileName(), bytes);
                announcer.announce(getTranslation("forum.attachments.added", meta.fileName()));
                render(item.sessionId());
            } catch (RuntimeException error) {
                // the refused file leaves the list, so that the next one can be chosen straight away
                upload.clearFileList();
                ErrorNotifier.show(ui, error);
            }
        }))));
        upload.setAcceptedFileTypes(ForumAttachments.ACCEPTED.toArray(String[]::new));
        upload.setMaxFileSize(ForumAttachments.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setId("forum-attach-" + item.id());
        upload.getElement().setAttribute("aria-label", getTranslation("forum.attachments.add-named", item.title()));
        upload.setUploadButton(new Button(getTranslation("forum.attachments.add")));
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("forum.attachments.help",
                ForumAttachments.MAX_MEGABYTES)));
        return upload;
    }

    private Section newItemForm(long sessionId) {
        TextField itemTitle = new TextField(getTranslation("forum.admin.item-title"));
        itemTitle.setId("forum-new-item-title");
        itemTitle.setMaxLength(NewAgendaItem.MAX_TITLE);
        itemTitle.setWidthFull();
        TextField rapporteur = new TextField(getTranslation("forum.admin.item-rapporteur"));
        rapporteur.setMaxLength(255);
        TextArea description = new TextArea(getTranslation("forum.admin.item-description"));
        description.setWidthFull();
        description.setMaxLength(NewAgendaItem.MAX_TEXT);
        CharacterCounter.attach(description, NewAgendaItem.MAX_TEXT);
        TextArea draft = new TextArea(getTranslation("forum.admin.item-draft"));
        draft.setWidthFull();
        draft.setMaxLength(NewAgendaItem.MAX_TEXT);
        Button add = new Button(getTranslation("forum.admin.add-item"), e -> act(() -> forum.addAgendaItem(sessionId,
                new NewAgendaItem(itemTitle.getValue(), description.getValue(), rapporteur.getValue(), draft.getValue()),
                UiLanguage.of(getLocale())), sessionId));
        add.setId("forum-new-item-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Section(new H2(getTranslation("forum.agenda.new-item")), itemTitle, rapporteur, description, draft, add);
    }

    private Button small(String text, String label, Runnable action, long sessionId) {
        Button b = new Button(text, e -> act(action, sessionId));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.getElement().setAttribute("aria-label", label);
        return b;
    }

    /** Runs a change; on success re-reads the page, on refusal shows the translated reason and keeps every field. */
    private void act(Runnable action, long sessionId) {
        try {
            action.run();
            Notification.show(getTranslation("forum.admin.saved"), 4000, Notification.Position.TOP_CENTER);
            announcer.announce(getTranslation("forum.admin.saved"));
            render(sessionId);
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    public String getPageTitle() {
        return title + " — " + getTranslation("app.name");
    }
}
