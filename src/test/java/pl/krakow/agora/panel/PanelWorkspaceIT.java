package pl.krakow.agora.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.WorkflowStatus;

/**
 * The workspace and the final votes on MariaDB: only drawn members (and staff) enter; drafts have
 * versions and go to translators; one vote per member; 80 % of votes cast with a quorum adopts;
 * an adopted recommendation goes to the catalogue as PROPOSED.
 */
@AgoraIntegrationTest
@RecordApplicationEvents
class PanelWorkspaceIT {

    @Autowired
    Panels panels;
    @Autowired
    PanelRegistration registration;
    @Autowired
    PanelDraws draws;
    @Autowired
    PanelWorkspace workspace;
    @Autowired
    PanelVotes votes;
    @Autowired
    RecommendationCatalog catalog;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static void moderator() {
        TestUsers.signIn(990_100, "moderator-ws-it", Role.RESIDENT, Role.MODERATOR);
    }

    @Test
    void membersWriteDraftsVoteOnceAndAnAdoptedDraftGoesToTheCatalogue() throws Exception {
        moderator();
        long id = panels.create(new PanelDefinition("Panel: dostępność urzędów", "Opis.", 5, 0,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(5), 80, 60,
                QuotaText.categories("Płeć: kobieta 2-3; mężczyzna 2-3"), List.of()), UiLanguage.PL);
        PanelOverview p = panels.find(id).orElseThrow();
        long category = p.categories().get(0).id();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String username = "czlonek" + i + "-ws" + id;
            people.add(username);
            TestUsers.signIn(991_000 + i, username, Role.RESIDENT);
            registration.register(id, new VolunteerForm(null,
                    Map.of(category, p.categories().get(0).values().get(i % 2).id()), true), UiLanguage.PL);
        }
        moderator();
        panels.commitSeed(id, "sekret-panelu-dostepnosci", null);
        panels.closeRegistration(id);
        draws.startDraw(id, "sekret-panelu-dostepnosci", null);
        for (int i = 0; i < 1200 && panels.find(id).orElseThrow().drawStatus() == DrawStatus.RUNNING; i++) {
            Thread.sleep(250);
        }
        DrawResult drawn = draws.result(id).orElseThrow();
        // before publication nobody is a member yet
        List<String> members = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            TestUsers.signIn(991_000 + i, people.get(i), Role.RESIDENT);
            String anon = registration.myRegistration(id).orElseThrow();
            assertThat(workspace.myRole(id)).isEmpty();
            (drawn.panel().contains(anon) ? members : others).add(people.get(i));
        }
        assertThat(members).hasSize(5);
        moderator();
        draws.publish(id);
        workspace.addFacilitator(id, "facylitatorka-ws" + id);
        long expert = workspace.addExpert("Dr Anna Expert", "prawo administracyjne", "ekspertka-ws" + id);
        workspace.inviteExpert(id, expert);

        signInAs(people, others.get(0));
        assertThat(workspace.myRole(id)).isEmpty();
        assertThatThrownBy(() -> workspace.open(id, UiLanguage.PL)).isInstanceOf(AgoraException.class)
                .hasMessage("panel.workspace.error.denied");
        assertThatThrownBy(() -> workspace.proposeDraft(id, "Tytuł projektu", "Treść projektu rekomendacji, dość długa.",
                UiLanguage.PL)).hasMessage("panel.workspace.error.denied");

        signInAs(people, members.get(0));
        assertThat(workspace.myRole(id)).contains(WorkspaceRole.MEMBER);
        assertThatThrownBy(() -> workspace.proposeDraft(id, "Tyt", "krótko", UiLanguage.PL))
                .hasMessage("panel.workspace.error.title");
        long draft = workspace.proposeDraft(id, "Tłumacz w każdym urzędzie",
                "Każdy urząd dzielnicy zapewnia tłumacza ukraińskiego raz w tygodniu.", UiLanguage.PL);
        assertThat(workspace.reviseDraft(draft, "Tłumacz w każdym urzędzie dzielnicy",
                "Każdy urząd dzielnicy zapewnia tłumacza ukraińskiego dwa razy w tygodniu.", UiLanguage.PL)).isEqualTo(2);
        assertThat(events.stream(ContentSubmitted.class)
                .filter(e -> e.content().module().equals("panel") && e.content().type().startsWith("draft-")))
                .hasSize(4);
        Workspace ws = workspace.open(id, UiLanguage.PL);
        assertThat(ws.drafts()).singleElement().satisfies(d -> {
            assertThat(d.versions()).hasSize(2);
            assertThat(d.latest().body().original()).contains("dwa razy");
        });
        assertThatThrownBy(() -> votes.openVote(draft)).hasMessage("panel.workspace.error.denied");

        TestUsers.signIn(992_000, "facylitatorka-ws" + id, Role.RESIDENT);
        assertThat(workspace.myRole(id)).contains(WorkspaceRole.FACILITATOR);
        votes.openVote(draft);
        assertThatThrownBy(() -> workspace.reviseDraft(draft, "Inny tytuł projektu", "Inna treść, już po otwarciu.",
                UiLanguage.PL)).hasMessage("panel.draft.error.frozen");
        assertThatThrownBy(() -> votes.cast(draft, VoteChoice.YES)).hasMessage("panel.workspace.error.denied");

        for (int i = 0; i < 4; i++) {
            signInAs(people, members.get(i));
            assertThat(votes.cast(draft, i < 4 ? VoteChoice.YES : VoteChoice.NO)).hasSize(32);
        }
        signInAs(people, members.get(0));
        assertThatThrownBy(() -> votes.cast(draft, VoteChoice.NO)).hasMessage("panel.vote.error.already");
        signInAs(people, members.get(4));
        votes.cast(draft, VoteChoice.NO);

        TestUsers.signIn(992_000, "facylitatorka-ws" + id, Role.RESIDENT);
        Workspace.Tally tally = votes.closeVote(draft);
        assertThat(tally.yes()).isEqualTo(4);
        assertThat(tally.cast()).isEqualTo(5);
        assertThat(tally.quorumMet()).isTrue();
        assertThat(tally.adopted()).as("4 of 5 = 80 %").isTrue();
        TestUsers.signOut();
        assertThat(votes.results(id)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DraftStatus.ADOPTED);
            assertThat(r.title()).isEqualTo("Tłumacz w każdym urzędzie dzielnicy");
        });

        moderator();
        String code = votes.sendToCatalogue(draft, UiLanguage.PL);
        assertThat(catalog.find(code, UiLanguage.PL).orElseThrow().summary().status()).isEqualTo(WorkflowStatus.PROPOSED);
        assertThatThrownBy(() -> votes.sendToCatalogue(draft, UiLanguage.PL)).hasMessage("panel.catalogue.error.already");
    }

    private static void signInAs(List<String> people, String username) {
        TestUsers.signIn(991_000 + people.indexOf(username), username, Role.RESIDENT);
    }
}
