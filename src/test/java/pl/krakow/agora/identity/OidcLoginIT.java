package pl.krakow.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraWebTest;

/**
 * A full OIDC authorization-code sign-in against a real provider (mock-oauth2-server): browser
 * redirects, code exchange, ID-token validation, claim-to-role mapping and provisioning into
 * identity_user, driven over HTTP as a browser would.
 */
class OidcLoginIT extends AgoraWebTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void authorizationCodeLoginEndsWithMappedRolesOnTheSession() throws Exception {
        nextOidcLogin("kc-subject-42", Map.of(
                "preferred_username", "olena",
                "name", "Olena Shevchenko",
                "email", "olena@example.org",
                "realm_access", Map.of("roles", List.of("admin", "translator", "offline_access"))));
        HttpClient browser = newBrowser();

        HttpResponse<String> landed = follow(browser, baseUrl() + "/oauth2/authorization/testidp");
        assertThat(landed.statusCode()).isEqualTo(200);

        String me = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(me).contains("\"authenticated\":true", "\"username\":\"olena\"", "Olena Shevchenko")
                .contains("\"roles\":[\"ADMIN\",\"RESIDENT\",\"TRANSLATOR\"]");

        long rows = jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE oidc_subject = 'kc-subject-42'")
                .query(Long.class).single();
        assertThat(rows).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'identity.login'"
                + " AND actor = 'olena' AND details = 'method=oidc'").query(Long.class).single()).isPositive();
    }

    @Test
    void secondLoginOfTheSameSubjectReusesTheAccountAndFlatRolesClaimWorks() throws Exception {
        for (int i = 0; i < 2; i++) {
            nextOidcLogin("flat-subject-7", Map.of("preferred_username", "dmytro", "name", "Dmytro",
                    "roles", List.of("moderator")));
            HttpClient browser = newBrowser();
            assertThat(follow(browser, baseUrl() + "/oauth2/authorization/testidp").statusCode()).isEqualTo(200);
            String me = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(me).contains("\"roles\":[\"MODERATOR\",\"RESIDENT\"]");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE oidc_subject = 'flat-subject-7'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anonymousCallerIsNotAuthenticated() throws Exception {
        String me = newBrowser().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(me).contains("\"authenticated\":false");
    }

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Follows redirects the way a browser does, across the application and the provider. */
    private static HttpResponse<String> follow(HttpClient browser, String url) throws Exception {
        URI next = URI.create(url);
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("too many redirects");
    }
}
