package pl.krakow.agora.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a user by username for administrators who assign people to something another module owns
 * (forum membership, issue 7 item 1), so that the other module stores only the {@link UserRef}.
 */
@Service
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<UserRef> byUsername(String username) {
        return jdbc.sql("SELECT id, username, display_name FROM identity_user WHERE username = :u AND enabled = TRUE")
                .param("u", username.trim())
                .query((rs, n) -> new UserRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
