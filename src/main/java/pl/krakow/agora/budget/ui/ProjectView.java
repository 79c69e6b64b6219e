package pl.krakow.agora.budget.ui;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import pl.krakow.agora.budget.Assessment;
import pl.krakow.agora.budget.CostItem;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.Phase;
import pl.krakow.agora.budget.ProjectDetails;
import pl.krakow.agora.budget.ProjectService;
import pl.krakow.agora.budget.ProjectStatus;
import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.ui.CommentsPanel;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatedText;
import pl.krakow.agora.translation.Translations;

/**
 * A project's public page: its text in the reader's language (the original a click away), the
 * cost estimate, images, the published review and appeal, the author's edit link or appeal form,
 * and the public discussion.
 */
@Route("budzet/projekt")
@AnonymousAllowed
class ProjectView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ProjectService projects;
    private final EditionService editions;
    private final Translations translations;
    private String title = "";

    ProjectView(ProjectService projects, EditionService editions, Translations translations) {
        this.projects = projects;
        this.editions = editions;
        this.translations = translations;
    }

    @Override
    public void setParameter(BeforeEvent event, Long projectId) {
        removeAll();
        ProjectDetails p;
        try {
            p = projects.project(projectId);
        } catch (AgoraException missing) {
            add(new H1(getTranslation("budget.project.error.none")));
            return;
        }
        Edition e = editions.edition(p.editionId());
        Map<ContentRef, String> originals = new LinkedHashMap<>();
        originals.put(ProjectService.titleRef(p.id()), p.title());
        originals.put(ProjectService.descriptionRef(p.id()), p.description());
        Map<ContentRef, LocalizedText> shown = translations.display(UiLanguage.of(getLocale()).tag(), originals);
        LocalizedText shownTitle = shown.getOrDefault(ProjectService.titleRef(p.id()),
                LocalizedText.original(p.title(), p.language(), false));
        title = shownTitle.text();
        H1 h1 = new H1(shownTitle.text());
        h1.getElement().setAttribute("lang", shownTitle.language());
        add(h1);
        add(new Paragraph(new Anchor(EditionView.path(e.id()), e.name())));
        add(new Paragraph(getTranslation("budget.project.status-line", getTranslation("budget.project.status." + p.status()),
                Texts.money(this, p.cost()))));
        add(new TranslatedText(shown.getOrDefault(ProjectService.descriptionRef(p.id()),
                LocalizedText.original(p.description(), p.language(), false)), null));
        if (p.categoryId() != null && e.category(p.categoryId()) != null) {
            add(new Paragraph(getTranslation("budget.project.category", e.category(p.categoryId()).name())));
        }
        if (p.location() != null) {
            add(new Paragraph(getTranslation("budget.project.location", p.location())));
        }
        UnorderedList costs = new UnorderedList();
        for (CostItem item : p.costItems()) {
            costs.add(new ListItem(item.label() + ": " + Texts.money(this, item.amount())));
        }
        add(new Section(new H2(getTranslation("budget.project.costs")), costs));
        if (!p.imageIds().isEmpty()) {
            Div images = new Div();
            int n = 0;
            for (long imageId : p.imageIds()) {
                Image img = new Image(DownloadHandler.fromInputStream(ev -> projects.image(imageId)
                        .map(i -> new DownloadResponse(new ByteArrayInputStream(i.bytes()), i.fileName(), i.contentType(),
                                i.bytes().length))
                        .orElseThrow()), getTranslation("budget.project.image-alt", ++n, title));
                img.setMaxWidth("20rem");
                images.add(img);
            }
            add(new Section(new H2(getTranslation("budget.project.images")), images));
        }
        if (!p.assessments().isEmpty()) {
            UnorderedList review = new UnorderedList();
            for (Assessment a : p.assessments()) {
                review.add(new ListItem(getTranslation("budget.aspect." + a.aspect()) + ": "
                        + getTranslation(a.passed() ? "budget.review.passed" : "budget.review.failed") + ". "
                        + a.justification()));
            }
            add(new Section(new H2(getTranslation("budget.project.review")), review));
        }
        if (p.appeal() != null) {
            Section appeal = new Section(new H2(getTranslation("budget.project.appeal")), new Paragraph(p.appeal().text()));
            if (p.appeal().decision() != null) {
                appeal.add(new Paragraph(getTranslation("budget.appeal.decision." + p.appeal().decision()) + ": "
                        + p.appeal().decisionText()));
            }
            add(appeal);
        }
        if (p.mine() && e.phase() == Phase.SUBMISSION) {
            add(new Paragraph(new Anchor(SubmitProjectView.path(e.id()) + "?projekt=" + p.id(),
                    getTranslation("budget.project.edit"))));
        }
        if (p.mine() && e.phase() == Phase.APPEALS && p.status() == ProjectStatus.REJECTED && p.appeal() == null) {
            TextArea text = new TextArea(getTranslation("budget.project.appeal-text"));
            text.setId("appeal-text");
            text.setWidthFull();
            CharacterCounter.attach(text, 5000);
            Button send = new Button(getTranslation("budget.project.appeal-send"), ev -> {
                try {
                    projects.appeal(p.id(), text.getValue());
                    Notification.show(getTranslation("budget.project.appeal-sent"));
                    getUI().ifPresent(ui -> ui.getPage().reload());
                } catch (RuntimeException error) {
                    getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
                }
            });
            send.setId("appeal-send");
            add(new Section(new H2(getTranslation("budget.project.appeal")), text, send));
        }
        add(new CommentsPanel(new CommentableRef("budget", "project", String.valueOf(p.id()))));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    static String path(long projectId) {
        return "budzet/projekt/" + projectId;
    }
}
