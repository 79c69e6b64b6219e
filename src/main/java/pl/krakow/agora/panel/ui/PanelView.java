package pl.krakow.agora.panel.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.panel.DrawResult;
import pl.krakow.agora.panel.DrawStatus;
import pl.krakow.agora.panel.Expert;
import pl.krakow.agora.panel.PanelDraws;
import pl.krakow.agora.panel.PanelOverview;
import pl.krakow.agora.panel.PanelRegistration;
import pl.krakow.agora.panel.PanelStatus;
import pl.krakow.agora.panel.PanelVotes;
import pl.krakow.agora.panel.PanelWorkspace;
import pl.krakow.agora.panel.Panels;
import pl.krakow.agora.panel.QuotaProblem;
import pl.krakow.agora.panel.VolunteerForm;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.Announcer;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * One panel, public: rules, quotas with the pool's composition in aggregate, schedule, the seed
 * commitment, registration with consent and withdrawal, and the published draw with every
 * probability by anonymous id. Organisers also check quotas, commit, close the pool, run the draw
 * (computed in the background; this page polls its status) and publish it.
 */
@Route(PanelView.ROUTE)
@AnonymousAllowed
class PanelView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String ROUTE = "panel";

    private final Panels panels;
    private final PanelRegistration registration;
    private final PanelDraws draws;
    private final PanelWorkspace workspace;
    private final PanelVotes votes;
    private final CurrentUser currentUser;
    private final Announcer announcer = new Announcer(Announcer.Urgency.POLITE);
    private final Div content = new Div();
    private long id;
    private @Nullable PanelOverview panel;
    private @Nullable Registration poll;
    private String title = "";
    private @Nullable Paragraph runningText;

    PanelView(Panels panels, PanelRegistration registration, PanelDraws draws, PanelWorkspace workspace,
            PanelVotes votes, CurrentUser currentUser) {
        this.panels = panels;
        this.registration = registration;
        this.draws = draws;
        this.workspace = workspace;
        this.votes = votes;
        this.currentUser = currentUser;
        addClassName("agora-panel");
        add(content, announcer);
    }

    static String path(long id) {
        return ROUTE + "/" + id;
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        this.id = parameter;
        render();
    }

    private boolean organiser() {
        return currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN);
    }

    private void render() {
        content.removeAll();
        Optional<PanelOverview> found = panels.find(id);
        if (found.isEmpty()) {
            title = getTranslation("panel.error.not-found");
            content.add(new H1(title));
            return;
        }
        PanelOverview p = found.get();
        panel = p;
        title = p.topic();
        H1 heading = new H1(p.topic());
        heading.setId("panel-heading");
        heading.getElement().setAttribute("tabindex", "-1");
        heading.getElement().setAttribute("lang", p.language());
        content.add(heading);
        if (!p.description().isEmpty()) {
            Paragraph description = new Paragraph(p.description());
            description.getElement().setAttribute("lang", p.language());
            content.add(description);
        }
        Paragraph facts = new Paragraph(getTranslation("panel.view.facts",
                getTranslation("panel.status." + p.status().name()), p.panelSize(), p.alternates(),
                Formats.date(p.registrationOpens(), getLocale()), Formats.date(p.registrationCloses(), getLocale()),
                p.thresholdPercent(), p.quorumPercent()));
        facts.setId("panel-facts");
        content.add(facts);
        workspace.myRole(id).ifPresent(role -> {
            Anchor enter = new Anchor(WorkspaceView.path(id), getTranslation("panel.view.workspace-link"));
            enter.setId("panel-workspace-link");
            content.add(new Paragraph(enter));
        });
        content.add(quotas(p), schedule(p));
        if (p.seedCommitment() != null) {
            content.add(commitment(p));
        }
        if (p.registrationOpen()) {
            content.add(registrationSection(p));
        }
        if (organiser()) {
            content.add(organiserSection(p));
        }
        draws.result(id).ifPresent(r -> content.add(resultSection(r)));
        var results = votes.results(id);
        if (!results.isEmpty()) {
            Section s = new Section(new H2(getTranslation("panel.view.vote-results")));
            s.setId("panel-vote-results");
            for (PanelVotes.Result r : results) {
                H3 h = new H3(r.title());
                h.getElement().setAttribute("lang", r.language());
                Paragraph body = new Paragraph(r.body());
                body.getElement().setAttribute("lang", r.language());
                s.add(h, body, new Paragraph(getTranslation("panel.vote.tally", r.tally().yes(), r.tally().no(),
                        r.tally().abstain(), getTranslation("panel.draft.status." + r.status().name()))));
            }
            content.add(s);
        }
        updatePolling(p);
    }

    private Section quotas(PanelOverview p) {
        Section s = new Section(new H2(getTranslation("panel.view.quotas")));
        s.setId("panel-quotas");
        s.add(new Paragraph(getTranslation("panel.view.quotas-lead", p.poolSize())));
        for (PanelOverview.CategoryComposition c : p.categories()) {
            s.add(PanelUi.table(c.name(), List.of(getTranslation("panel.view.value"), getTranslation("panel.view.quota"),
                    getTranslation("panel.view.in-pool")), c.values().stream()
                    .map(v -> List.of(v.name(), getTranslation("panel.view.quota-range", v.min(), v.max()),
                            String.valueOf(v.inPool()))).toList()));
        }
        return s;
    }

    private Section schedule(PanelOverview p) {
        Section s = new Section(new H2(getTranslation("panel.view.schedule")));
        if (p.meetings().isEmpty()) {
            s.add(new Paragraph(getTranslation("panel.view.schedule-none")));
        } else {
            UnorderedList ul = new UnorderedList();
            p.meetings().forEach(m -> ul.add(new ListItem(Formats.dateTime(m.startsAt(), getLocale()) + " — " + m.place())));
            s.add(ul);
        }
        return s;
    }

    private Section commitment(PanelOverview p) {
        Section s = new Section(new H2(getTranslation("panel.view.commitment")));
        s.setId("panel-commitment");
        s.add(new Paragraph(getTranslation("panel.view.commitment-lead")));
        Pre hash = PanelUi.wrapping(p.seedCommitment());
        hash.addClassName("agora-hash");
        s.add(hash);
        if (p.seedPublicSource() != null) {
            s.add(new Paragraph(getTranslation("panel.view.commitment-source", p.seedPublicSource())));
        }
        return s;
    }

    // ---- registration ---------------------------------------------------------------------------

    private Section registrationSection(PanelOverview p) {
        Section s = new Section(new H2(getTranslation("panel.register.title")));
        s.setId("panel-register");
        Optional<String> mine = registration.myRegistration(id);
        if (mine.isPresent()) {
            s.add(new Paragraph(getTranslation("panel.register.registered", mine.get())));
            Button withdraw = new Button(getTranslation("panel.withdraw.button"), e -> act(() -> {
                registration.withdrawMine(id);
                return getTranslation("panel.withdraw.done");
            }));
            withdraw.setId("panel-withdraw");
            s.add(withdraw);
            return s;
        }
        s.add(new Paragraph(getTranslation("panel.register.lead")));
        EmailField contact = new EmailField(getTranslation("panel.register.contact"));
        contact.setId("panel-contact");
        contact.setHelperText(getTranslation("panel.register.contact-help"));
        contact.setWidthFull();
        boolean signedIn = currentUser.isAuthenticated();
        if (!signedIn) {
            s.add(contact);
        }
        Map<Long, Select<Long>> selects = new HashMap<>();
        for (PanelOverview.CategoryComposition c : p.categories()) {
            Select<Long> select = new Select<>();
            select.setLabel(c.name());
            select.setId("panel-value-" + c.id());
            select.setItems(c.values().stream().map(PanelOverview.ValueComposition::id).toList());
            select.setItemLabelGenerator(v -> c.values().stream().filter(x -> x.id() == v).findFirst()
                    .map(PanelOverview.ValueComposition::name).orElse(""));
            select.setPlaceholder(getTranslation("panel.register.choose"));
            selects.put(c.id(), select);
            s.add(select);
        }
        Div consent = new Div(new H3(getTranslation("panel.consent.title")),
                new Paragraph(getTranslation("panel.consent.what")), new Paragraph(getTranslation("panel.consent.who")),
                new Paragraph(getTranslation("panel.consent.when")));
        consent.addClassName("agora-consent");
        consent.setId("panel-consent-text");
        Checkbox agree = new Checkbox(getTranslation("panel.consent.agree"));
        agree.setId("panel-consent");
        agree.getElement().setAttribute("aria-describedby", "panel-consent-text");
        Div outcome = new Div();
        outcome.setId("panel-register-outcome");
        outcome.getElement().setAttribute("role", "status");
        Button register = new Button(getTranslation("panel.register.submit"), e -> {
            try {
                Map<Long, Long> values = new HashMap<>();
                selects.forEach((category, select) -> {
                    if (select.getValue() != null) {
                        values.put(category, select.getValue());
                    }
                });
                var r = registration.register(id, new VolunteerForm(signedIn ? null : contact.getValue(), values,
                        agree.getValue()), UiLanguage.of(getLocale()));
                render();
                String message = signedIn ? getTranslation("panel.register.done", r.anonId())
                        : getTranslation("panel.register.done-code", r.anonId(), r.withdrawalCode());
                Paragraph done = new Paragraph(message);
                done.setId("panel-register-done");
                done.getElement().setAttribute("tabindex", "-1");
                content.addComponentAtIndex(1, done);
                done.getElement().callJsFunction("focus");
                announcer.announce(message);
            } catch (RuntimeException error) {
                getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("panel-register-submit");
        s.add(consent, agree, register, outcome);
        if (!signedIn) {
            H3 h = new H3(getTranslation("panel.withdraw.code-title"));
            TextField code = new TextField(getTranslation("panel.withdraw.code"));
            code.setId("panel-withdraw-code");
            Button withdraw = new Button(getTranslation("panel.withdraw.button"), e -> act(() -> {
                registration.withdrawWithCode(id, code.getValue());
                return getTranslation("panel.withdraw.done");
            }));
            withdraw.setId("panel-withdraw-with-code");
            s.add(h, code, withdraw);
        }
        return s;
    }

    // ---- organisers -----------------------------------------------------------------------------

    private Section organiserSection(PanelOverview p) {
        Section s = new Section(new H2(getTranslation("panel.organiser.title")));
        s.setId("panel-organiser");
        Div check = new Div();
        check.setId("panel-quota-check");
        check.getElement().setAttribute("role", "status");
        Button checkButton = new Button(getTranslation("panel.organiser.check"), e -> {
            check.removeAll();
            try {
                Optional<QuotaProblem> problem = panels.checkQuotas(id);
                if (problem.isEmpty()) {
                    check.add(new Paragraph(getTranslation("panel.quota.ok")));
                } else {
                    check.add(problemView(problem.get()));
                }
                announcer.announce(check.getElement().getTextRecursively());
            } catch (RuntimeException error) {
                getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
            }
        });
        checkButton.setId("panel-check-quotas");
        s.add(checkButton, check);

        if (p.status() == PanelStatus.REGISTRATION && p.seedCommitment() == null) {
            H3 h = new H3(getTranslation("panel.seed.title"));
            Paragraph lead = new Paragraph(getTranslation("panel.seed.lead"));
            PasswordField secret = new PasswordField(getTranslation("panel.seed.secret"));
            secret.setId("panel-seed-secret");
            TextField source = new TextField(getTranslation("panel.seed.source"));
            source.setId("panel-seed-source");
            source.setHelperText(getTranslation("panel.seed.source-help"));
            source.setWidthFull();
            Button commit = new Button(getTranslation("panel.seed.commit"), e -> act(() -> {
                String hash = panels.commitSeed(id, secret.getValue(), source.getValue());
                return getTranslation("panel.seed.committed", hash);
            }));
            commit.setId("panel-seed-commit");
            s.add(h, lead, secret, source, commit);
        }
        if (p.status() == PanelStatus.REGISTRATION && p.seedCommitment() != null) {
            Button close = new Button(getTranslation("panel.close.button"), e -> act(() -> {
                panels.closeRegistration(id);
                return getTranslation("panel.close.done");
            }));
            close.setId("panel-close");
            s.add(new Paragraph(getTranslation("panel.close.lead")), close);
        }
        if (p.status() == PanelStatus.CLOSED) {
            s.add(drawControls(p));
        }
        if (p.status() == PanelStatus.DRAWN) {
            Button publish = new Button(getTranslation("panel.publish.button"), e -> act(() -> {
                draws.publish(id);
                return getTranslation("panel.publish.done");
            }));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setId("panel-publish");
            s.add(new Paragraph(getTranslation("panel.publish.lead")), publish);
        }
        if (p.status() == PanelStatus.PUBLISHED) {
            Button end = new Button(getTranslation("panel.end.button"), e -> {
                // deleting everyone's data cannot be undone: ask first
                ConfirmDialog confirm = new ConfirmDialog();
                confirm.setHeader(getTranslation("panel.end.confirm-title"));
                confirm.setText(getTranslation("panel.end.lead"));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("panel.end.cancel"));
                confirm.setConfirmText(getTranslation("panel.end.button"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.addConfirmListener(ok -> act(() -> getTranslation("panel.end.done", panels.endWork(id))));
                confirm.open();
            });
            end.setId("panel-end");
            s.add(new Paragraph(getTranslation("panel.end.lead")), end);
        }
        // the pool's files exist until the work ends and the declared values are deleted
        if (p.status() != PanelStatus.REGISTRATION && p.status() != PanelStatus.ENDED) {
            Anchor categories = new Anchor(download(() -> draws.poolFiles(id).categoriesCsv(), "categories.csv"),
                    getTranslation("panel.organiser.categories-csv"));
            Anchor respondents = new Anchor(download(() -> draws.poolFiles(id).respondentsCsv(), "respondents.csv"),
                    getTranslation("panel.organiser.respondents-csv"));
            Div files = new Div(new Span(getTranslation("panel.organiser.files")), categories, respondents);
            files.addClassName("agora-link-row");
            s.add(files);
        }
        s.add(staffControls());
        return s;
    }

    private Div staffControls() {
        H3 h = new H3(getTranslation("panel.staff.title"));
        TextField facilitator = new TextField(getTranslation("panel.staff.facilitator"));
        facilitator.setId("panel-facilitator");
        Button addFacilitator = new Button(getTranslation("panel.staff.add"), e -> act(() -> {
            workspace.addFacilitator(id, facilitator.getValue());
            return getTranslation("panel.staff.added");
        }));
        Select<Expert> expert = new Select<>();
        expert.setLabel(getTranslation("panel.staff.expert"));
        expert.setItems(workspace.experts());
        expert.setItemLabelGenerator(x -> x == null ? "" : x.name() + " — " + x.expertise());
        Button invite = new Button(getTranslation("panel.staff.invite"), e -> act(() -> {
            if (expert.getValue() == null) {
                throw new pl.krakow.agora.platform.AgoraException("panel.expert.error.not-found");
            }
            workspace.inviteExpert(id, expert.getValue().id());
            return getTranslation("panel.staff.added");
        }));
        TextField seat = new TextField(getTranslation("panel.link.anon-id"));
        seat.setId("panel-link-anon");
        TextField account = new TextField(getTranslation("panel.link.username"));
        account.setId("panel-link-username");
        Button link = new Button(getTranslation("panel.link.button"), e -> act(() -> {
            workspace.linkMember(id, seat.getValue(), account.getValue());
            return getTranslation("panel.link.done");
        }));
        Div row3 = new Div(seat, account, link);
        row3.addClassName("agora-field-row");
        Div row1 = new Div(facilitator, addFacilitator);
        row1.addClassName("agora-field-row");
        Div row2 = new Div(expert, invite);
        row2.addClassName("agora-field-row");
        return new Div(h, row1, row2, new Paragraph(getTranslation("panel.link.lead")), row3);
    }

    private Div drawControls(PanelOverview p) {
        Div d = new Div(new H3(getTranslation("panel.draw.title")));
        d.setId("panel-draw");
        Div status = new Div();
        status.setId("panel-draw-status");
        status.getElement().setAttribute("role", "status");
        d.add(status);
        if (p.drawStatus() == DrawStatus.RUNNING) {
            long seconds = p.drawStartedAt() == null ? 0
                    : Math.max(0, Duration.between(p.drawStartedAt(), Instant.now()).toSeconds());
            ProgressBar bar = new ProgressBar();
            bar.setIndeterminate(true);
            bar.getElement().setAttribute("aria-label", getTranslation("panel.draw.running-label"));
            runningText = new Paragraph(getTranslation("panel.draw.running", seconds, draws.timeLimit().toSeconds()));
            status.add(runningText, bar);
            return d;
        }
        if (p.drawStatus() == DrawStatus.FAILED && p.drawErrorKey() != null) {
            status.add(new Paragraph(getTranslation("panel.draw.failed",
                    getTranslation(p.drawErrorKey(), p.drawErrorArgs().toArray()))));
        }
        d.add(new Paragraph(getTranslation("panel.draw.lead")));
        PasswordField secret = new PasswordField(getTranslation("panel.draw.secret"));
        secret.setId("panel-draw-secret");
        d.add(secret);
        TextField publicValue = new TextField(getTranslation("panel.draw.public-value", p.seedPublicSource() == null
                ? "" : p.seedPublicSource()));
        publicValue.setId("panel-draw-public-value");
        publicValue.setWidthFull();
        if (p.seedPublicSource() != null) {
            d.add(publicValue);
        }
        Button run = new Button(getTranslation("panel.draw.run"), e -> act(() -> {
            draws.startDraw(id, secret.getValue(), publicValue.getValue());
            return getTranslation("panel.draw.started");
        }));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("panel-draw-run");
        d.add(run);
        return d;
    }

    private Div problemView(QuotaProblem problem) {
        Div d = new Div(new Paragraph(getTranslation(problem.messageKey(), problem.arguments())));
        if (!problem.changes().isEmpty()) {
            d.add(new Paragraph(getTranslation("panel.quota.changes")));
            UnorderedList ul = new UnorderedList();
            for (QuotaProblem.QuotaChange c : problem.changes()) {
                ul.add(new ListItem(getTranslation(c.lowerMinimum() ? "panel.quota.change.lower"
                        : "panel.quota.change.raise", c.label(), c.from(), c.to())));
            }
            d.add(ul);
        }
        return d;
    }

    // ---- the result -----------------------------------------------------------------------------

    private Section resultSection(DrawResult r) {
        Section s = new Section(new H2(getTranslation(r.publishedAt() == null ? "panel.result.title-unpublished"
                : "panel.result.title")));
        s.setId("panel-result");
        s.add(new Paragraph(getTranslation("panel.result.figures", PanelUi.percent(r.minProbability(), getLocale()),
                r.legacyMinProbability() == null ? getTranslation("panel.result.legacy-none")
                        : PanelUi.percent(r.legacyMinProbability(), getLocale()),
                r.panelsGenerated(), String.format(getLocale(), "%.1f", r.seconds()), r.poolSize())));
        if (!r.converged()) {
            s.add(new Paragraph(getTranslation("panel.result.not-converged")));
        }
        s.add(new Paragraph(getTranslation("panel.result.seed")));
        Pre seed = PanelUi.wrapping(r.seed());
        seed.setId("panel-result-seed");
        seed.addClassName("agora-hash");
        s.add(seed);
        s.add(new H3(getTranslation("panel.result.members")));
        UnorderedList members = new UnorderedList();
        members.setId("panel-result-members");
        members.addClassName("agora-id-list");
        r.panel().stream().sorted().forEach(a -> members.add(new ListItem(a)));
        s.add(members);
        if (!r.alternates().isEmpty()) {
            s.add(new H3(getTranslation("panel.result.alternates")));
            OrderedList alternates = new OrderedList();
            alternates.setId("panel-result-alternates");
            alternates.addClassName("agora-id-list");
            r.alternates().forEach(a -> alternates.add(new ListItem(a)));
            s.add(alternates);
        }
        Anchor json = new Anchor(download(r::json, "panel-" + id + "-draw.json"), getTranslation("panel.result.json"));
        json.setId("panel-result-json");
        s.add(new Paragraph(json));
        s.add(new H3(getTranslation("panel.result.repeat")));
        OrderedList steps = new OrderedList();
        for (int i = 1; i <= 4; i++) {
            steps.add(new ListItem(getTranslation("panel.result.repeat." + i)));
        }
        s.add(steps);
        Pre command = PanelUi.wrapping("java -jar agora.jar panel-select --algorithm leximin --categories categories.csv"
                + " --respondents respondents.csv --panel-size " + r.panel().size() + " --seed '" + r.seed()
                + "' --alternates --time-limit " + draws.timeLimit().toSeconds() + " --output-json out.json");
        command.addClassName("agora-command");
        s.add(command);
        List<List<String>> rows = new ArrayList<>();
        for (DrawResult.Probability p : r.probabilities()) {
            rows.add(List.of(p.anonId(), PanelUi.percent(p.probability(), getLocale()),
                    getTranslation(r.panel().contains(p.anonId()) ? "panel.result.drawn"
                            : r.alternates().contains(p.anonId()) ? "panel.result.alternate" : "panel.result.not-drawn")));
        }
        s.add(PanelUi.table(getTranslation("panel.result.probabilities"), List.of(getTranslation("panel.result.anon-id"),
                getTranslation("panel.result.probability"), getTranslation("panel.result.outcome")), rows));
        return s;
    }

    private static DownloadHandler download(Supplier<String> content, String fileName) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName,
                    fileName.endsWith(".json") ? "application/json" : "text/csv;charset=UTF-8", bytes.length);
        });
    }

    // ---- actions and polling --------------------------------------------------------------------

    private void act(Supplier<String> action) {
        try {
            String message = action.get();
            render();
            announcer.announce(message);
            content.getChildren().findFirst().ifPresent(h -> h.getElement().callJsFunction("focus"));
            com.vaadin.flow.component.notification.Notification.show(message, 6000,
                    com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER);
        } catch (RuntimeException error) {
            getUI().ifPresent(ui -> ErrorNotifier.show(ui, error));
        }
    }

    private void updatePolling(PanelOverview p) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        boolean running = p.drawStatus() == DrawStatus.RUNNING && organiser();
        if (running && poll == null) {
            ui.setPollInterval(2000);
            poll = ui.addPollListener(e -> {
                DrawStatus now = panels.find(id).map(PanelOverview::drawStatus).orElse(DrawStatus.NONE);
                if (now != DrawStatus.RUNNING) {
                    render();
                    announcer.announce(getTranslation(now == DrawStatus.DONE ? "panel.draw.done" : "panel.draw.failed-short"));
                } else if (runningText != null) {
                    // only the elapsed time changes: the rest of the page (and the focus) stays as it is
                    panels.find(id).map(PanelOverview::drawStartedAt).ifPresent(started -> runningText.setText(
                            getTranslation("panel.draw.running", Math.max(0, Duration.between(started, Instant.now())
                                    .toSeconds()), draws.timeLimit().toSeconds())));
                }
            });
        } else if (!running && poll != null) {
            poll.remove();
            poll = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (panel != null) {
            updatePolling(panel);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
            poll = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
