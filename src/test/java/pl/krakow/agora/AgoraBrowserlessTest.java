package pl.krakow.agora;

import com.vaadin.browserless.SpringBrowserlessTest;

import org.junit.jupiter.api.AfterEach;

import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;

/** Base of the browserless view tests: the whole application context, and sign-in as a real one does it. */
@AgoraIntegrationTest
public abstract class AgoraBrowserlessTest extends SpringBrowserlessTest {

    @AfterEach
    void signOutAfterEachTest() {
        TestUsers.signOut();
    }

    /** Signs in and starts a fresh Vaadin session, as a real sign-in does. */
    protected void signIn(long id, String username, Role... roles) {
        TestUsers.signIn(id, username, roles);
        cleanVaadinEnvironment();
        initVaadinEnvironment();
    }

    /** Back to an anonymous visitor, in a fresh Vaadin session. */
    protected void anonymous() {
        TestUsers.signOut();
        cleanVaadinEnvironment();
        initVaadinEnvironment();
    }
}
