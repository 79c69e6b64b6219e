package pl.krakow.agora;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, with a real OIDC provider beside it
 * (mock-oauth2-server, started before the Spring context so that issuer discovery works).
 * Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
public abstract class AgoraWebTest {

    public static final String ISSUER_ID = "agora-test-idp";
    public static final String CLIENT_ID = "agora";
    protected static final MockOAuth2Server OIDC = startOidcServer();

    @LocalServerPort
    protected int port;

    private static MockOAuth2Server startOidcServer() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void oidcProvider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.registration.testidp.";
        registry.add(prefix + "client-id", () -> CLIENT_ID);
        registry.add(prefix + "client-secret", () -> "agora-secret");
        registry.add(prefix + "client-name", () -> "Test IdP");
        registry.add(prefix + "scope", () -> "openid,profile,email");
        registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.testidp.issuer-uri",
                () -> OIDC.issuerUrl(ISSUER_ID).toString());
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The next token the provider issues is for this subject with these claims. */
    protected static void nextOidcLogin(String subject, Map<String, Object> claims) {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
    }
}
