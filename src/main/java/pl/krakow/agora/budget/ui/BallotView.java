package pl.krakow.agora.budget.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.budget.BallotChoice;
import pl.krakow.agora.budget.BallotProject;
import pl.krakow.agora.budget.Credential;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.Eligibility;
import pl.krakow.agora.budget.Pool;
import pl.krakow.agora.budget.Receipt;
import pl.krakow.agora.budget.VotingRules;
import pl.krakow.agora.budget.VotingService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * The ballot (issue 9, item 4): the voter enters a code (or register details), fills in the
 * ballot in the edition's format with a running counter that screen readers hear, checks the
 * choice on a confirmation step, casts it and gets a receipt. Everything is reachable with the
 * keyboard; each step moves focus to its heading. The page helps (it stops at the limits), the
 * service decides (it checks the ballot again).
 */
@Route("budzet/glosuj")
@AnonymousAllowed
class BallotView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EditionService editions;
    private final VotingService voting;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final Div step = new Div();
    private final Div error = new Div();
    private final Span counter = new Span();
    private Edition edition;
    private List<BallotProject> projects = List.of();
    private Credential credential;
    private final Map<Long, Checkbox> approvals = new LinkedHashMap<>();
    private final Map<Long, IntegerField> points = new LinkedHashMap<>();
    private final List<Select<BallotProject>> ranks = new ArrayList<>();
    private String title = "";

    BallotView(EditionService editions, VotingService voting) {
        this.editions = editions;
        this.voting = voting;
        addClassName("agora-ballot");
        error.setId("ballot-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        counter.setId("ballot-counter");
        counter.getStyle().set("font-weight", "600");
    }

    @Override
    public void setParameter(BeforeEvent event, Long editionId) {
        removeAll();
        Edition found = EditionPages.editionOrNotice(editions, editionId, this);
        if (found == null) {
            return;
        }
        edition = found;
        title = getTranslation("budget.ballot.title", edition.name());
        H1 h1 = new H1(title);
        h1.getElement().setAttribute("lang", edition.nameLanguage());
        add(h1, error, step, announcer);
        projects = editions.ballotProjects(editionId);
        credentialStep();
    }

    private void credentialStep() {
        step.removeAll();
        error.setText("");
        H2 heading = heading("budget.ballot.step.credential");
        Paragraph lead = new Paragraph(getTranslation(edition.eligibility() == Eligibility.CODES
                ? "budget.ballot.credential.codes-lead" : "budget.ballot.credential.register-lead"));
        step.add(heading, lead);
        TextField secret = new TextField(getTranslation(edition.eligibility() == Eligibility.CODES
                ? "budget.ballot.code" : "budget.ballot.identifier"));
        secret.setId("ballot-code");
        secret.setRequired(true);
        secret.setMaxLength(64);
        secret.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        step.add(secret);
        DatePicker born = new DatePicker(getTranslation("budget.ballot.birth-date"));
        born.setId("ballot-birth-date");
        born.setLocale(Texts.locale(this));
        if (edition.eligibility() == Eligibility.REGISTER) {
            born.setRequired(true);
            step.add(born);
        }
        Checkbox age = new Checkbox(getTranslation("budget.ballot.age", edition.minAge()));
        age.setId("ballot-age");
        step.add(new Div(age));
        Button next = new Button(getTranslation("budget.ballot.next"), e -> {
            if (!age.getValue()) {
                fail(getTranslation("budget.ballot.error.age", edition.minAge()));
                age.focus();
                return;
            }
            Credential c = edition.eligibility() == Eligibility.CODES ? Credential.code(secret.getValue())
                    : new Credential(secret.getValue(), born.getValue());
            try {
                voting.checkCredential(edition.id(), c);
                credential = c;
                choiceStep();
            } catch (AgoraException refused) {
                fail(getTranslation(refused.messageKey(), refused.arguments()));
                secret.focus();
            }
        });
        next.setId("ballot-code-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        secret.addKeyPressListener(Key.ENTER, e -> next.click());
        step.add(new Div(next));
        secret.focus();
    }

    private void choiceStep() {
        step.removeAll();
        error.setText("");
        approvals.clear();
        points.clear();
        ranks.clear();
        H2 heading = heading("budget.ballot.step.choose");
        Paragraph how = new Paragraph(Texts.format(this, edition));
        how.setId("ballot-how");
        Div status = new Div(counter);
        status.addClassName("agora-ballot-counter");
        status.getStyle().set("position", "sticky").set("top", "0").set("background", "var(--lumo-base-color)")
                .set("padding", "var(--lumo-space-s) 0").set("z-index", "1");
        Section list = new Section();
        list.setId("ballot-projects");
        list.getElement().setAttribute("aria-labelledby", "ballot-step-heading");
        switch (edition.format()) {
            case APPROVAL, KNAPSACK -> {
                for (BallotProject p : projects) {
                    Checkbox box = new Checkbox(label(p));
                    box.setId("ballot-project-" + p.id());
                    box.addValueChangeListener(e -> {
                        if (e.isFromClient() && e.getValue() && overLimit()) {
                            box.setValue(false);
                            announcer.announce(getTranslation(edition.format() == pl.krakow.agora.budget.BallotFormat.APPROVAL
                                    ? "budget.ballot.limit.choices" : "budget.ballot.limit.budget"));
                        }
                        updateCounter(true);
                    });
                    approvals.put(p.id(), box);
                    list.add(new Div(box));
                }
            }
            case CUMULATIVE -> {
                for (BallotProject p : projects) {
                    IntegerField field = new IntegerField(label(p));
                    field.setId("ballot-points-" + p.id());
                    field.setMin(0);
                    field.setMax(edition.totalPoints());
                    field.setStepButtonsVisible(true);
                    field.setValue(0);
                    field.setWidth("22rem");
                    field.addValueChangeListener(e -> updateCounter(true));
                    points.put(p.id(), field);
                    list.add(new Div(field));
                }
            }
            case ORDINAL -> {
                for (int r = 0; r < edition.maxChoices(); r++) {
                    Select<BallotProject> rank = new Select<>();
                    rank.setLabel(getTranslation("budget.ballot.rank", r + 1, edition.rankPoints().get(r)));
                    rank.setId("ballot-rank-" + (r + 1));
                    rank.setItems(projects);
                    rank.setItemLabelGenerator(p -> p == null ? getTranslation("budget.ballot.rank.none") : label(p));
                    rank.setEmptySelectionAllowed(true);
                    rank.setEmptySelectionCaption(getTranslation("budget.ballot.rank.none"));
                    rank.setWidth("28rem");
                    rank.addValueChangeListener(e -> updateCounter(true));
                    ranks.add(rank);
                    list.add(new Div(rank));
                }
            }
        }
        Button review = new Button(getTranslation("budget.ballot.review"), e -> {
            BallotChoice choice = choice();
            if (choice.projects().isEmpty()) {
                fail(getTranslation("budget.vote.error.empty"));
                return;
            }
            if (edition.format() == pl.krakow.agora.budget.BallotFormat.ORDINAL
                    && choice.projects().stream().distinct().count() != choice.projects().size()) {
                fail(getTranslation("budget.vote.error.duplicate"));
                return;
            }
            confirmStep(choice);
        });
        review.setId("ballot-review");
        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        step.add(heading, how, status, list, new Div(review));
        updateCounter(false);
    }

    private void confirmStep(BallotChoice choice) {
        step.removeAll();
        error.setText("");
        H2 heading = heading("budget.ballot.step.confirm");
        OrderedList summary = new OrderedList();
        summary.setId("ballot-summary");
        for (int i = 0; i < choice.projects().size(); i++) {
            BallotProject p = project(choice.projects().get(i));
            String line = label(p);
            if (edition.format() == pl.krakow.agora.budget.BallotFormat.CUMULATIVE) {
                line = getTranslation("budget.ballot.summary.points", line, choice.points().get(i));
            } else if (edition.format() == pl.krakow.agora.budget.BallotFormat.ORDINAL) {
                line = getTranslation("budget.ballot.summary.rank", i + 1, line);
            }
            ListItem item = new ListItem(line);
            summary.add(item);
        }
        Button back = new Button(getTranslation("budget.ballot.back"), e -> choiceStep());
        back.setId("ballot-back");
        Button cast = new Button(getTranslation("budget.ballot.cast"), e -> cast(choice));
        cast.setId("ballot-cast");
        cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cast.setDisableOnClick(true);
        step.add(heading, new Paragraph(getTranslation("budget.ballot.confirm-lead")), summary, new Div(back, cast));
    }

    private void cast(BallotChoice choice) {
        try {
            Receipt receipt = voting.cast(edition.id(), credential, choice);
            receiptStep(receipt);
        } catch (AgoraException refused) {
            credentialStep();
            fail(getTranslation(refused.messageKey(), refused.arguments()));
        } catch (RuntimeException unexpected) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, unexpected));
            credentialStep();
        }
    }

    private void receiptStep(Receipt receipt) {
        step.removeAll();
        error.setText("");
        credential = null;
        H2 heading = heading("budget.ballot.step.receipt");
        Span code = new Span(receipt.code());
        code.setId("ballot-receipt");
        code.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)")
                .set("font-weight", "700");
        Paragraph receiptLine = new Paragraph(getTranslation("budget.ballot.receipt.label") + " ");
        receiptLine.add(code);
        Paragraph fingerprint = new Paragraph(getTranslation("budget.ballot.receipt.fingerprint",
                VotingService.fingerprint(receipt.code())));
        Anchor check = new Anchor(BallotsView.path(edition.id()), getTranslation("budget.ballot.receipt.check"));
        step.add(heading, receiptLine, new Paragraph(getTranslation("budget.ballot.receipt.lead")), fingerprint,
                new Paragraph(check));
        announcer.announce(getTranslation("budget.ballot.receipt.announce"));
    }

    private H2 heading(String key) {
        H2 h2 = new H2(getTranslation(key));
        h2.setId("ballot-step-heading");
        h2.getElement().setAttribute("tabindex", "-1");
        h2.getElement().executeJs("requestAnimationFrame(() => this.focus())");
        return h2;
    }

    private void fail(String message) {
        error.setText(message);
    }

    private String label(BallotProject p) {
        return getTranslation("budget.ballot.project", p.title(), Texts.money(this, p.cost()));
    }

    private BallotProject project(long id) {
        return projects.stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private boolean overLimit() {
        List<Long> chosen = approvals.entrySet().stream().filter(e -> e.getValue().getValue()).map(Map.Entry::getKey).toList();
        if (edition.format() == pl.krakow.agora.budget.BallotFormat.APPROVAL) {
            return chosen.size() > edition.maxChoices();
        }
        for (Pool pool : Pool.of(new VotingRules(edition, projects))) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Long id : chosen) {
                BallotProject p = project(id);
                if (pool.projects().contains(p)) {
                    sum = sum.add(p.cost());
                }
            }
            if (sum.compareTo(pool.budget()) > 0) {
                return true;
            }
        }
        return false;
    }

    private BallotChoice choice() {
        return switch (edition.format()) {
            case APPROVAL, KNAPSACK -> BallotChoice.approving(approvals.entrySet().stream()
                    .filter(e -> e.getValue().getValue()).map(Map.Entry::getKey).toList());
            case CUMULATIVE -> {
                List<Long> ids = new ArrayList<>();
                List<Integer> pts = new ArrayList<>();
                points.forEach((id, field) -> {
                    Integer v = field.getValue();
                    if (v != null && v > 0) {
                        ids.add(id);
                        pts.add(v);
                    }
                });
                yield new BallotChoice(ids, pts);
            }
            case ORDINAL -> BallotChoice.approving(ranks.stream().map(Select::getValue).filter(Objects::nonNull)
                    .map(BallotProject::id).toList());
        };
    }

    private void updateCounter(boolean announce) {
        String text = switch (edition.format()) {
            case APPROVAL -> getTranslation("budget.ballot.counter.choices",
                    approvals.values().stream().filter(Checkbox::getValue).count(), edition.maxChoices());
            case KNAPSACK -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (var e : approvals.entrySet()) {
                    if (e.getValue().getValue()) {
                        sum = sum.add(project(e.getKey()).cost());
                    }
                }
                yield getTranslation("budget.ballot.counter.budget", Texts.money(this, sum),
                        Texts.money(this, edition.totalBudget()));
            }
            case CUMULATIVE -> {
                int sum = points.values().stream().map(IntegerField::getValue).filter(Objects::nonNull)
                        .mapToInt(Integer::intValue).sum();
                yield getTranslation(sum > edition.totalPoints() ? "budget.ballot.counter.points-over"
                        : "budget.ballot.counter.points", sum, edition.totalPoints());
            }
            case ORDINAL -> getTranslation("budget.ballot.counter.ranks",
                    ranks.stream().filter(r -> r.getValue() != null).count(), edition.maxChoices());
        };
        counter.setText(text);
        if (announce) {
            announcer.announce(text);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    static String path(long editionId) {
        return "budzet/glosuj/" + editionId;
    }

}
