package pl.krakow.agora.forum.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import pl.krakow.agora.forum.ForumMinutes;
import pl.krakow.agora.forum.ForumService;
import pl.krakow.agora.forum.MinutesDocument;
import pl.krakow.agora.forum.SessionStatus;
import pl.krakow.agora.forum.SessionSummary;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatedText;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * The minutes of a session (issue 7, item 9): public as HTML and PDF once approved; a draft for the
 * body's members, which the secretary generates from the record and edits.
 */
@Route(MinutesView.ROUTE)
@AnonymousAllowed
class MinutesView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "forum/protokol/:id([0-9]{1,18})";

    private final ForumMinutes minutes;
    private final ForumService forum;
    private String title = "";

    MinutesView(ForumMinutes minutes, ForumService forum) {
        this.minutes = minutes;
        this.forum = forum;
        addClassName("forum-minutes");
    }

    static String path(long id) {
        return "forum/protokol/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        SessionSummary session;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            session = forum.session(id);
        } catch (NumberFormatException | AgoraException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render(session);
    }

    private void render(SessionSummary session) {
        removeAll();
        title = getTranslation("forum.minutes.title", session.number(), session.bodyName());
        add(new H1(title));
        MinutesDocument doc = minutes.minutes(session.id()).orElse(null);
        boolean editor = minutes.mayEdit(session.id());
        if (doc == null) {
            add(new Paragraph(getTranslation("forum.minutes.none")));
        } else {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(ZoneId.of("Europe/Warsaw"));
            Paragraph state = new Paragraph(doc.approved()
                    ? getTranslation("forum.minutes.approved", doc.approvedAtSessionNumber())
                    : getTranslation("forum.minutes.draft", format.format(doc.editedAt())));
            state.setId("forum-minutes-state");
            add(state);
            String fileName = "protokol-sesja-" + session.number() + ".pdf";
            String pdfTitle = title;
            Anchor pdf = new Anchor(DownloadHandler.fromInputStream(e -> {
                byte[] bytes = ForumMinutes.pdf(pdfTitle, doc.text());
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/pdf", bytes.length);
            }), getTranslation("forum.minutes.pdf"));
            pdf.setId("forum-minutes-pdf");
            Paragraph downloads = new Paragraph(pdf);
            add(downloads);
            Div html = new Div();
            html.setId("forum-minutes-text");
            List<LocalizedText> shown = doc.approved() ? minutes.shown(session.id(), UiLanguage.of(getLocale())) : List.of();
            if (shown.stream().anyMatch(LocalizedText::isTranslation)) {
                // approved minutes in the reader's language where translated, each part with its original
                add(new Paragraph(getTranslation("forum.minutes.translated-note")));
                shown.forEach(part -> html.add(TranslatedText.rendered(part, MinutesView::htmlOf)));
                String shownText = String.join("\n", shown.stream().map(LocalizedText::text).toList());
                Anchor shownPdf = new Anchor(DownloadHandler.fromInputStream(e -> {
                    byte[] bytes = ForumMinutes.pdf(pdfTitle, shownText);
                    return new DownloadResponse(new ByteArrayInputStream(bytes),
                            "protokol-sesja-" + session.number() + "-" + UiLanguage.of(getLocale()).tag() + ".pdf",
                            "application/pdf", bytes.length);
                }), getTranslation("forum.minutes.pdf-shown"));
                shownPdf.setId("forum-minutes-pdf-shown");
                downloads.add(new Span(" · "), shownPdf);
            } else {
                html.add(htmlOf(doc.text()));
                html.getElement().setAttribute("lang", ForumMinutes.LANGUAGE.tag());
            }
            add(html);
        }
        if (editor && session.status() == SessionStatus.CLOSED && (doc == null || !doc.approved())) {
            Button generate = new Button(getTranslation("forum.minutes.generate"), e -> act(() -> {
                minutes.generate(session.id());
                render(session);
            }));
            generate.setId("forum-minutes-generate");
            add(generate);
            if (doc != null) {
                TextArea edit = new TextArea(getTranslation("forum.minutes.edit"));
                edit.setId("forum-minutes-edit");
                edit.setWidthFull();
                edit.setMinHeight("20rem");
                edit.setValue(doc.text());
                Button save = new Button(getTranslation("forum.minutes.save"), e -> act(() -> {
                    minutes.edit(session.id(), edit.getValue());
                    Notification.show(getTranslation("forum.minutes.saved"), 5000, Notification.Position.TOP_CENTER);
                    render(session);
                }));
                save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                save.setId("forum-minutes-save");
                add(edit, save);
            }
        }
    }

    /** The minutes (or a part) as escaped HTML in one element. */
    private static Html htmlOf(String text) {
        return new Html("<div>" + ForumMinutes.html(text) + "</div>");
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    public String getPageTitle() {
        return title + " — " + getTranslation("app.name");
    }
}
