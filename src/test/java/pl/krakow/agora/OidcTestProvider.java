package pl.krakow.agora;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OIDC provider for the tests (mock-oauth2-server), started once per JVM before the Spring
 * context so that issuer discovery works, and registered as the client "testidp".
 */
public class OidcTestProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ISSUER_ID = "agora-test-idp";
    public static final String CLIENT_ID = "agora";
    public static final MockOAuth2Server SERVER = start();

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String prefix = "spring.security.oauth2.client.registration.testidp.";
        TestPropertyValues.of(
                prefix + "client-id=" + CLIENT_ID,
                prefix + "client-secret=agora-secret",
                prefix + "client-name=Test IdP",
                prefix + "scope=openid,profile,email",
                prefix + "authorization-grant-type=authorization_code",
                prefix + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider.testidp.issuer-uri=" + SERVER.issuerUrl(ISSUER_ID))
                .applyTo(context);
    }
}
