package pl.krakow.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.internal.UserAccounts;
import pl.krakow.agora.platform.AgoraException;

/** Local accounts: only administrators create them, passwords are stored as hashes, bad input saves nothing. */
@AgoraIntegrationTest
class UserAccountsIT {

    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aResidentCannotCreateAccounts() {
        TestUsers.signIn(70, "resident-70", Role.RESIDENT);
        assertThatThrownBy(() -> accounts.createLocalAccount("intruder", "Intruder", "long-enough-pw",
                EnumSet.of(Role.ADMIN))).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(accounts.exists("intruder")).isFalse();
    }

    @Test
    void anAdministratorCreatesAnAccountWhosePasswordIsStoredOnlyAsAHash() {
        TestUsers.signIn(71, "admin-71", Role.ADMIN);
        accounts.createLocalAccount("halyna", "Halyna Ivanenko", "correct horse battery", EnumSet.of(Role.RESIDENT));
        String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE username = 'halyna'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'identity.account.created'"
                + " AND target = 'user:halyna' AND actor = 'admin-71'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTooShortPasswordIsRefusedWithATranslatableMessageAndNothingIsSaved() {
        TestUsers.signIn(72, "admin-72", Role.ADMIN);
        assertThatThrownBy(() -> accounts.createLocalAccount("shorty", "Shorty", "short", EnumSet.of(Role.RESIDENT)))
                .isInstanceOf(AgoraException.class).hasMessage("identity.error.password-too-short");
        assertThat(accounts.exists("shorty")).isFalse();
    }
}
