package pl.krakow.agora.budget.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.budget.Aspect;
import pl.krakow.agora.budget.BallotFormat;
import pl.krakow.agora.budget.CostItem;
import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.budget.EditionSpec;
import pl.krakow.agora.budget.Eligibility;
import pl.krakow.agora.budget.PhaseDates;
import pl.krakow.agora.budget.ProjectDraft;
import pl.krakow.agora.budget.ProjectService;
import pl.krakow.agora.budget.TieBreakOrder;
import pl.krakow.agora.budget.VotingService;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** The budget's views without a browser: administration with the frozen-rules refusal, and a cumulative ballot. */
class BudgetViewsIT extends AgoraBrowserlessTest {

    @Autowired
    EditionService editions;
    @Autowired
    ProjectService projects;
    @Autowired
    VotingService voting;

    @Test
    void anAdministratorCreatesAnEditionInTheFormAndAChangeAfterVotingOpensIsRefusedInWords() {
        signIn(910_001, "admin-views", Role.RESIDENT, Role.ADMIN);
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        navigate(BudgetAdminView.class);
        String name = "Edycja z formularza " + System.nanoTime();
        test($(TextField.class).id("admin-name")).setValue(name);
        test($(BigDecimalField.class).id("admin-total")).setValue(new BigDecimal("250000"));
        LocalDateTime start = LocalDateTime.now(Formats.ZONE).plusDays(1).withNano(0).withSecond(0);
        List<DateTimePicker> pickers = $(DateTimePicker.class).all();
        for (int i = 0; i < 5; i++) {
            pickers.get(i).setValue(start.plusDays(10L * i));
        }
        test($(Button.class).id("admin-save")).click();
        Edition created = editions.editions().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.totalBudget()).isEqualByComparingTo("250000");
        assertThat(created.rule()).isEqualTo(Rule.MES_COST_ADD1);

        Instant now = Instant.now();
        editions.moveDates(created.id(), new PhaseDates(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), now.minusSeconds(5), now.plus(Duration.ofDays(5))));
        navigate(BudgetAdminView.class);
        @SuppressWarnings("unchecked")
        var chosen = (com.vaadin.flow.component.select.Select<Edition>) $(com.vaadin.flow.component.select.Select.class)
                .id("admin-edition");
        chosen.setValue(editions.edition(created.id()));
        test($(BigDecimalField.class).id("admin-total")).setValue(new BigDecimal("999999"));
        test($(Button.class).id("admin-save")).click();
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains(UI.getCurrent().getTranslation("budget.error.frozen"));
        assertThat(editions.edition(created.id()).totalBudget()).isEqualByComparingTo("250000");
    }

    @Test
    void aCumulativeBallotCountsPointsRefusesTooManyAndGivesAReceipt() {
        TestUsers.signIn(910_002, "admin-views", Role.RESIDENT, Role.MODERATOR, Role.ADMIN);
        Instant now = Instant.now();
        long id = editions.create(new EditionSpec("Punkty " + System.nanoTime(), "pl", new BigDecimal("100000"), List.of(),
                new PhaseDates(now.minusSeconds(60), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
                        now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(4))),
                BallotFormat.CUMULATIVE, null, 5, List.of(), Rule.GREEDY, 16, Eligibility.CODES, TieBreakOrder.FILE_ORDER));
        TestUsers.signIn(910_003, "autor-views", Role.RESIDENT);
        long a = projects.submit(id, new ProjectDraft("Ławki w parku", "Dziesięć ławek w parku przy ulicy Mogilskiej.",
                List.of(new CostItem("Ławki", new BigDecimal("20000"))), null, null), List.of(), UiLanguage.PL);
        long b = projects.submit(id, new ProjectDraft("Kurs języka", "Kurs języka polskiego dla dorosłych w bibliotece.",
                List.of(new CostItem("Lektorka", new BigDecimal("30000"))), null, null), List.of(), UiLanguage.PL);
        TestUsers.signIn(910_002, "admin-views", Role.RESIDENT, Role.MODERATOR, Role.ADMIN);
        editions.moveDates(id, new PhaseDates(now.minus(Duration.ofDays(2)), now.minusSeconds(30), now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(4))));
        for (long p : List.of(a, b)) {
            for (Aspect aspect : Aspect.values()) {
                projects.assess(p, aspect, true, "Sprawdzone, bez uwag.");
            }
        }
        editions.moveDates(id, new PhaseDates(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), now.minusSeconds(90), now.plus(Duration.ofDays(4))));
        String code = voting.issueCodes(id, "widoki", 1).codes().get(0);

        anonymous();
        UI.getCurrent().setLocale(UiLanguage.EN.locale());
        navigate("budzet/glosuj/" + id, BallotView.class);
        test($(Button.class).id("ballot-code-next")).click();
        assertThat($(Div.class).id("ballot-error").getText()).isEqualTo("Only people aged at least 16 may vote. Tick the confirmation if that is you.");
        test($(TextField.class).id("ballot-code")).setValue(code);
        test($(Checkbox.class).id("ballot-age")).click();
        test($(Button.class).id("ballot-code-next")).click();
        assertThat($(Span.class).id("ballot-counter").getText()).isEqualTo("0 of 5 points given");
        test($(IntegerField.class).id("ballot-points-" + a)).setValue(4);
        test($(IntegerField.class).id("ballot-points-" + b)).setValue(3);
        assertThat($(Span.class).id("ballot-counter").getText()).isEqualTo("7 points given, but at most 5 are allowed: take some away");
        test($(Button.class).id("ballot-review")).click();
        test($(Button.class).id("ballot-cast")).click();
        // the server refused; nothing was kept and the code still works
        assertThat($(Div.class).id("ballot-error").getText()).isEqualTo("7 points were given, but at most 5 are allowed.");
        assertThat(voting.ballotCount(id)).isZero();
        test($(TextField.class).id("ballot-code")).setValue(code);
        test($(Checkbox.class).id("ballot-age")).click();
        test($(Button.class).id("ballot-code-next")).click();
        test($(IntegerField.class).id("ballot-points-" + a)).setValue(2);
        test($(IntegerField.class).id("ballot-points-" + b)).setValue(3);
        assertThat($(Span.class).id("ballot-counter").getText()).isEqualTo("5 of 5 points given");
        test($(Button.class).id("ballot-review")).click();
        test($(Button.class).id("ballot-cast")).click();
        String receipt = $(Span.class).id("ballot-receipt").getText();
        assertThat(voting.findReceipt(id, receipt).orElseThrow().points()).containsExactly(2, 3);
        assertThat($(H1.class).first().getText()).startsWith("Voting: Punkty");
    }
}
