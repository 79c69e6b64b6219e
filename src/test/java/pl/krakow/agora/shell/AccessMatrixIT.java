package pl.krakow.agora.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;

/**
 * Every route against anonymous visitors and every role, from one table: "ok" opens the view,
 * "login" sends the visitor to the sign-in page, "denied" answers as if the page did not exist.
 */
@AgoraIntegrationTest
class AccessMatrixIT extends SpringBrowserlessTest {

    /** Columns: route, view, ANONYMOUS, then one per role in {@link Role} order. */
    static final String MATRIX = """
            route        | view          | ANONYMOUS | RESIDENT | FORUM_MEMBER | PANELIST | TRANSLATOR | MODERATOR | ADMIN
            (home)       | HomeView      | ok        | ok       | ok           | ok       | ok         | ok        | ok
            login        | LoginView     | ok        | ok       | ok           | ok       | ok         | ok        | ok
            konto        | AccountView   | login     | ok       | ok           | ok       | ok         | ok        | ok
            admin/audyt  | AuditLogView  | login     | denied   | denied       | denied   | denied     | denied    | ADMIN-ok
            """;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        List<String> lines = MATRIX.lines().skip(1).toList();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            String route = cells[0].trim().equals("(home)") ? "" : cells[0].trim();
            String view = cells[1].trim();
            for (int column = 2; column < cells.length; column++) {
                String who = column == 2 ? "ANONYMOUS" : Role.values()[column - 3].name();
                String expected = cells[column].trim().replace("ADMIN-", "");
                cases.add(Arguments.of(route, view, who, expected));
            }
        }
        return cases.stream();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @ParameterizedTest(name = "{2} opens /{0}: {3}")
    @MethodSource("cases")
    void routeAccessFollowsTheMatrix(String route, String view, String who, String expected) {
        if (!who.equals("ANONYMOUS")) {
            TestUsers.signIn(100, "matrix-" + who.toLowerCase(java.util.Locale.ROOT), Role.valueOf(who));
            // a real sign-in starts a fresh session
            cleanVaadinEnvironment();
            initVaadinEnvironment();
        }
        UI.getCurrent().navigate(route);
        String shown = getCurrentView().getClass().getSimpleName();
        switch (expected) {
            case "ok" -> assertThat(shown).isEqualTo(view);
            case "login" -> assertThat(shown).isEqualTo("LoginView");
            case "denied" -> assertThat(shown).isEqualTo("NotFoundView");
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void theMatrixCoversEveryRoleAndEveryRoute() {
        assertThat(MATRIX.lines().findFirst().orElseThrow()).contains(
                Stream.of(Role.values()).map(Role::name).toArray(String[]::new));
        assertThat(cases().count()).isEqualTo(4L * (Role.values().length + 1));
    }
}
