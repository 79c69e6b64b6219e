package pl.krakow.agora.budget.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

import pl.krakow.agora.budget.BallotFormat;
import pl.krakow.agora.budget.CategorySpec;
import pl.krakow.agora.budget.CodeBatch;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.EditionSpec;
import pl.krakow.agora.budget.Eligibility;
import pl.krakow.agora.budget.PhaseDates;
import pl.krakow.agora.budget.RegisterImport;
import pl.krakow.agora.budget.TieBreakOrder;
import pl.krakow.agora.budget.VotingService;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * Administration of the participatory budget (issue 9, item 1 and the voting credentials): create
 * an edition or change one until voting opens (the service refuses later and logs the attempt),
 * move its dates, issue a printable batch of one-time codes, import a voter register.
 */
@Route("budzet/admin")
@Menu(order = 21, title = "budget.nav.admin")
@RolesAllowed("ADMIN")
class BudgetAdminView extends Div implements HasDynamicTitle {

    private final EditionService editions;
    private final VotingService voting;
    private final TextField name = new TextField();
    private final Select<UiLanguage> language = new Select<>();
    private final BigDecimalField total = new BigDecimalField();
    private final TextArea categories = new TextArea();
    private final DateTimePicker[] dates = new DateTimePicker[5];
    private final Select<BallotFormat> format = new Select<>();
    private final IntegerField maxChoices = new IntegerField();
    private final IntegerField totalPoints = new IntegerField();
    private final TextField rankPoints = new TextField();
    private final Select<Rule> rule = new Select<>();
    private final IntegerField minAge = new IntegerField();
    private final Select<Eligibility> eligibility = new Select<>();
    private final Select<TieBreakOrder> tieBreak = new Select<>();
    private final Select<Edition> chosen = new Select<>();
    private final Div manage = new Div();

    BudgetAdminView(EditionService editions, VotingService voting) {
        this.editions = editions;
        this.voting = voting;
        add(new H1(getTranslation("budget.admin.title")));
        chosen.setLabel(getTranslation("budget.admin.edition"));
        chosen.setId("admin-edition");
        chosen.setItemLabelGenerator(e -> e == null ? getTranslation("budget.admin.new") : e.name());
        chosen.setEmptySelectionAllowed(true);
        chosen.setEmptySelectionCaption(getTranslation("budget.admin.new"));
        chosen.setItems(editions.editions());
        chosen.addValueChangeListener(e -> load(e.getValue()));
        add(chosen);
        add(form());
        add(manage);
    }

    private Section form() {
        Section s = new Section(new H2(getTranslation("budget.admin.rules")));
        name.setLabel(getTranslation("budget.admin.name"));
        name.setId("admin-name");
        name.setWidthFull();
        name.setMaxLength(EditionService.MAX_NAME);
        language.setLabel(getTranslation("budget.admin.name-language"));
        language.setItems(UiLanguage.values());
        language.setItemLabelGenerator(UiLanguage::endonym);
        language.setValue(UiLanguage.PL);
        total.setLabel(getTranslation("budget.admin.total"));
        total.setId("admin-total");
        categories.setLabel(getTranslation("budget.admin.categories"));
        categories.setHelperText(getTranslation("budget.admin.categories-help"));
        categories.setWidthFull();
        String[] keys = {"SUBMISSION", "REVIEW", "APPEALS", "VOTING", "RESULTS"};
        Div dateRow = new Div();
        for (int i = 0; i < 5; i++) {
            dates[i] = new DateTimePicker(getTranslation("budget.admin.start." + keys[i]));
            dates[i].setLocale(Texts.locale(this));
            dateRow.add(dates[i]);
        }
        format.setLabel(getTranslation("budget.admin.format"));
        format.setItems(BallotFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("budget.format." + f));
        format.setValue(BallotFormat.APPROVAL);
        maxChoices.setLabel(getTranslation("budget.admin.max-choices"));
        maxChoices.setValue(3);
        totalPoints.setLabel(getTranslation("budget.admin.total-points"));
        totalPoints.setValue(10);
        rankPoints.setLabel(getTranslation("budget.admin.rank-points"));
        rankPoints.setValue("3,2,1");
        rule.setLabel(getTranslation("budget.admin.rule"));
        rule.setItems(EditionService.RULES);
        rule.setItemLabelGenerator(r -> getTranslation("budget.rule." + r.code()));
        rule.setValue(Rule.MES_COST_ADD1);
        minAge.setLabel(getTranslation("budget.admin.min-age"));
        minAge.setValue(16);
        eligibility.setLabel(getTranslation("budget.admin.eligibility"));
        eligibility.setItems(Eligibility.values());
        eligibility.setItemLabelGenerator(e -> getTranslation("budget.eligibility." + e));
        eligibility.setValue(Eligibility.CODES);
        tieBreak.setLabel(getTranslation("budget.admin.tie-break"));
        tieBreak.setItems(TieBreakOrder.values());
        tieBreak.setItemLabelGenerator(t -> getTranslation("budget.results.tie." + t.code()));
        tieBreak.setValue(TieBreakOrder.FILE_ORDER);
        Button save = new Button(getTranslation("budget.admin.save"), e -> save());
        save.setId("admin-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button move = new Button(getTranslation("budget.admin.move-dates"), e -> moveDates());
        move.setId("admin-move-dates");
        s.add(name, language, total, categories, dateRow, format, maxChoices, totalPoints, rankPoints, rule, minAge,
                eligibility, tieBreak, new Div(save, move));
        return s;
    }

    private void load(Edition e) {
        manage.removeAll();
        if (e == null) {
            return;
        }
        name.setValue(e.name());
        language.setValue(UiLanguage.fromTag(e.nameLanguage()).orElse(UiLanguage.PL));
        total.setValue(e.totalBudget());
        categories.setValue(String.join("\n", e.categories().stream().map(c -> c.name() + ";" + c.budget().toPlainString()).toList()));
        Instant[] at = {e.dates().submissionStart(), e.dates().reviewStart(), e.dates().appealsStart(),
                e.dates().votingStart(), e.dates().resultsStart()};
        for (int i = 0; i < 5; i++) {
            dates[i].setValue(LocalDateTime.ofInstant(at[i], Formats.ZONE));
        }
        format.setValue(e.format());
        maxChoices.setValue(e.maxChoices());
        totalPoints.setValue(e.totalPoints());
        rankPoints.setValue(String.join(",", e.rankPoints().stream().map(String::valueOf).toList()));
        rule.setValue(e.rule());
        minAge.setValue(e.minAge());
        eligibility.setValue(e.eligibility());
        tieBreak.setValue(e.tieBreak());
        manage.add(new Paragraph(new Anchor(EditionView.path(e.id()), getTranslation("budget.admin.open-edition"))));
        manage.add(new Paragraph(getTranslation("budget.admin.ballots", voting.ballotCount(e.id()))));
        if (e.eligibility() == Eligibility.CODES) {
            manage.add(codes(e));
        } else {
            manage.add(register(e));
        }
    }

    private Section codes(Edition e) {
        Section s = new Section(new H2(getTranslation("budget.codes.title")));
        TextField label = new TextField(getTranslation("budget.codes.label"));
        label.setId("codes-label");
        IntegerField count = new IntegerField(getTranslation("budget.codes.count"));
        count.setId("codes-count");
        count.setMin(1);
        count.setMax(VotingService.MAX_BATCH);
        count.setValue(50);
        Div printable = new Div();
        printable.setId("codes-printable");
        Button issue = new Button(getTranslation("budget.codes.issue"), ev -> {
            try {
                CodeBatch batch = voting.issueCodes(e.id(), label.getValue(), count.getValue() == null ? 0 : count.getValue());
                printable.removeAll();
                printable.add(new H2(getTranslation("budget.codes.batch", batch.label(), e.name())),
                        new Paragraph(getTranslation("budget.codes.print-note")));
                OrderedList list = new OrderedList();
                batch.codes().forEach(c -> {
                    ListItem item = new ListItem(c);
                    item.getStyle().set("font-family", "monospace").set("font-size", "1.1rem");
                    list.add(item);
                });
                Button print = new Button(getTranslation("budget.codes.print"), p -> p.getSource().getElement()
                        .executeJs("window.print()"));
                printable.add(print, list);
            } catch (RuntimeException error) {
                getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
            }
        });
        issue.setId("codes-issue");
        s.add(label, count, issue, printable);
        return s;
    }

    private Section register(Edition e) {
        Section s = new Section(new H2(getTranslation("budget.register.title")),
                new Paragraph(getTranslation("budget.register.help")));
        Div result = new Div();
        result.getElement().setAttribute("role", "status");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                RegisterImport r = voting.importRegister(e.id(), bytes);
                result.setText(getTranslation("budget.register.done", r.imported(), r.tooYoung(), r.alreadyPresent()));
            } catch (AgoraException refused) {
                result.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        }))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.getElement().setAttribute("aria-label", getTranslation("budget.register.title"));
        s.add(upload, result);
        return s;
    }

    private void save() {
        try {
            EditionSpec spec = spec();
            Edition current = chosen.getValue();
            if (current == null) {
                long id = editions.create(spec);
                Notification.show(getTranslation("budget.admin.created"));
                chosen.setItems(editions.editions());
                chosen.setValue(editions.edition(id));
            } else {
                editions.update(current.id(), spec);
                Notification.show(getTranslation("budget.admin.saved"));
            }
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    private void moveDates() {
        try {
            Edition current = chosen.getValue();
            if (current == null) {
                throw new AgoraException("budget.admin.choose-edition");
            }
            editions.moveDates(current.id(), phaseDates());
            Notification.show(getTranslation("budget.admin.saved"));
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    private PhaseDates phaseDates() {
        Instant[] at = new Instant[5];
        for (int i = 0; i < 5; i++) {
            if (dates[i].getValue() == null) {
                throw new AgoraException("budget.error.dates-missing");
            }
            at[i] = dates[i].getValue().atZone(Formats.ZONE).toInstant();
        }
        return new PhaseDates(at[0], at[1], at[2], at[3], at[4]);
    }

    private EditionSpec spec() {
        List<CategorySpec> cats = new ArrayList<>();
        for (String line : categories.getValue().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(";");
            try {
                cats.add(new CategorySpec(cells[0], new BigDecimal(cells[1].strip())));
            } catch (RuntimeException bad) {
                throw new AgoraException("budget.error.category-line", line);
            }
        }
        List<Integer> ranks;
        try {
            ranks = rankPoints.getValue().isBlank() ? List.of()
                    : Arrays.stream(rankPoints.getValue().split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException bad) {
            throw new AgoraException("budget.error.rank-points");
        }
        return new EditionSpec(name.getValue(), language.getValue() == null ? "pl" : language.getValue().tag(),
                total.getValue(), cats, phaseDates(), format.getValue(), maxChoices.getValue(), totalPoints.getValue(),
                ranks, rule.getValue(), minAge.getValue() == null ? -1 : minAge.getValue(), eligibility.getValue(),
                tieBreak.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.admin.title") + " · " + getTranslation("app.name");
    }
}
