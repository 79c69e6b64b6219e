package pl.krakow.agora;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the embedded MariaDB (never H2), on a random port, with a real OIDC
 * provider beside it. Every integration test uses exactly this configuration, so the test JVM
 * holds one Spring context: Vaadin installs its security-context strategy per context, and two
 * contexts in one JVM would see different strategies.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
@ContextConfiguration(initializers = OidcTestProvider.class)
public @interface AgoraIntegrationTest {
}
