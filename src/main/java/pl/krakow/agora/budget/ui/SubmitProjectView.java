package pl.krakow.agora.budget.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.PermitAll;

import pl.krakow.agora.budget.Category;
import pl.krakow.agora.budget.CostItem;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.ProjectDetails;
import pl.krakow.agora.budget.ProjectDraft;
import pl.krakow.agora.budget.ProjectImage;
import pl.krakow.agora.budget.ProjectService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.CharacterCounter;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * A resident submits a project, or edits one until submission ends (issue 9, item 2): title,
 * description, cost items (the total is their sum), category, location and images. The service
 * checks everything again, images by their own first bytes.
 */
@Route("budzet/zglos")
@PermitAll
class SubmitProjectView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EditionService editions;
    private final ProjectService projects;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final Select<Long> category = new Select<>();
    private final TextField location = new TextField();
    private final Div items = new Div();
    private final Span total = new Span();
    private final List<Row> rows = new ArrayList<>();
    private final List<ProjectImage> images = Collections.synchronizedList(new ArrayList<>());
    private Edition edition;
    private Long editing;

    private record Row(Div line, TextField label, BigDecimalField amount) {
    }

    SubmitProjectView(EditionService editions, ProjectService projects) {
        this.editions = editions;
        this.projects = projects;
    }

    @Override
    public void setParameter(BeforeEvent event, Long editionId) {
        removeAll();
        Edition found = EditionPages.editionOrNotice(editions, editionId, this);
        if (found == null) {
            return;
        }
        edition = found;
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        // ?projekt=<id> edits one of the author's projects; anything that is not an id is a new submission
        String asked = params.containsKey("projekt") ? params.get("projekt").get(0) : "";
        editing = asked.matches("[0-9]{1,18}") ? Long.valueOf(asked) : null;
        add(new H1(getTranslation(editing == null ? "budget.submit.title" : "budget.submit.edit-title")), announcer);
        add(new Paragraph(getTranslation("budget.submit.lead", edition.name())));
        title.setLabel(getTranslation("budget.submit.field.title"));
        title.setId("project-title");
        title.setRequired(true);
        title.setWidthFull();
        CharacterCounter.attach(title, ProjectService.MAX_TITLE);
        description.setLabel(getTranslation("budget.submit.field.description"));
        description.setId("project-description");
        description.setRequired(true);
        description.setWidthFull();
        description.setMinHeight("10rem");
        CharacterCounter.attach(description, ProjectService.MAX_DESCRIPTION);
        category.setLabel(getTranslation("budget.submit.field.category"));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("budget.pool.general"));
        category.setItems(edition.categories().stream().map(Category::id).toList());
        category.setItemLabelGenerator(id -> id == null ? getTranslation("budget.pool.general")
                : edition.category(id).name() + " (" + Texts.money(this, edition.category(id).budget()) + ")");
        category.setVisible(!edition.categories().isEmpty());
        location.setLabel(getTranslation("budget.submit.field.location"));
        location.setId("project-location");
        location.setWidthFull();
        CharacterCounter.attach(location, ProjectService.MAX_LOCATION);
        Section costs = new Section(new H2(getTranslation("budget.submit.costs")), items);
        Button addItem = new Button(getTranslation("budget.submit.add-item"), e -> addRow(null));
        addItem.setId("project-add-item");
        total.setId("project-total");
        costs.add(addItem, new Paragraph(total));

        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> images.add(
                new ProjectImage(meta.fileName(), meta.contentType(), bytes))));
        upload.setAcceptedFileTypes(ProjectService.IMAGE_TYPES.toArray(String[]::new));
        upload.setMaxFileSize(ProjectService.MAX_IMAGE_BYTES);
        upload.setMaxFiles(ProjectService.MAX_IMAGES);
        upload.setId("project-images");
        upload.getElement().setAttribute("aria-label", getTranslation("budget.submit.images"));
        Section pictures = new Section(new H2(getTranslation("budget.submit.images")),
                new Paragraph(getTranslation("budget.submit.images-help", ProjectService.MAX_IMAGES,
                        ProjectService.MAX_IMAGE_BYTES / (1024 * 1024))), upload);

        Button send = new Button(getTranslation(editing == null ? "budget.submit.send" : "budget.submit.save"), e -> send());
        send.setId("project-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, description, category, location, costs, pictures, send);
        if (editing != null) {
            ProjectDetails p;
            try {
                p = projects.project(editing);
            } catch (AgoraException missing) {
                removeAll();
                add(new H1(getTranslation(missing.messageKey(), missing.arguments())));
                return;
            }
            title.setValue(p.title());
            description.setValue(p.description());
            category.setValue(p.categoryId());
            location.setValue(p.location() == null ? "" : p.location());
            p.costItems().forEach(this::addRow);
        } else {
            addRow(null);
        }
        updateTotal();
        add(mine());
    }

    private Section mine() {
        Section s = new Section(new H2(getTranslation("budget.submit.mine")));
        UnorderedList list = new UnorderedList();
        for (ProjectDetails p : projects.myProjects()) {
            list.add(new ListItem(new Anchor(ProjectView.path(p.id()), p.title()),
                    new Span(" · " + getTranslation("budget.project.status." + p.status()))));
        }
        s.add(list);
        return s;
    }

    private void addRow(CostItem item) {
        int n = rows.size() + 1;
        TextField label = new TextField(getTranslation("budget.submit.item-label", n));
        label.setMaxLength(200);
        BigDecimalField amount = new BigDecimalField(getTranslation("budget.submit.item-amount", n));
        amount.addValueChangeListener(e -> updateTotal());
        Div line = new Div(label, amount);
        line.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        Row row = new Row(line, label, amount);
        Button remove = new Button(getTranslation("budget.submit.remove-item", n), e -> {
            rows.remove(row);
            items.remove(line);
            updateTotal();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        line.add(remove);
        if (item != null) {
            label.setValue(item.label());
            amount.setValue(item.amount());
        }
        rows.add(row);
        items.add(line);
    }

    private void updateTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : rows) {
            if (r.amount().getValue() != null) {
                sum = sum.add(r.amount().getValue());
            }
        }
        String text = getTranslation("budget.submit.total", Texts.money(this, sum));
        total.setText(text);
        announcer.announce(text);
    }

    private void send() {
        List<CostItem> costItems = rows.stream().map(r -> new CostItem(r.label().getValue(), r.amount().getValue())).toList();
        ProjectDraft draft = new ProjectDraft(title.getValue(), description.getValue(), costItems, category.getValue(),
                location.getValue());
        try {
            long id;
            List<ProjectImage> attached = List.copyOf(images);
            if (editing == null) {
                id = projects.submit(edition.id(), draft, attached, UiLanguage.of(getLocale()));
            } else {
                projects.edit(editing, draft, attached, UiLanguage.of(getLocale()));
                id = editing;
            }
            getUI().ifPresent(ui -> ui.navigate(ProjectView.path(id)));
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.submit.title") + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/zglos/" + editionId;
    }
}
