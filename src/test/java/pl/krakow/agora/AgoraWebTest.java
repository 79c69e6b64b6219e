package pl.krakow.agora;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Base for tests that talk to the running application over HTTP or through a browser. */
@AgoraIntegrationTest
public abstract class AgoraWebTest {

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The next token the provider issues is for this subject with these claims. */
    protected static void nextOidcLogin(String subject, Map<String, Object> claims) {
        OidcTestProvider.SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(OidcTestProvider.ISSUER_ID, subject,
                "JWT", List.of(OidcTestProvider.CLIENT_ID), claims, 3600));
    }
}
