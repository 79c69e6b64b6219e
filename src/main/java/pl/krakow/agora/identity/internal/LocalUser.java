package pl.krakow.agora.identity.internal;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import pl.krakow.agora.identity.AgoraPrincipal;

/** A principal signed in with a local account. */
final class LocalUser extends User implements AgoraPrincipal {

    private final long userId;
    private final String displayName;

    LocalUser(long userId, String username, String displayName, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.userId = userId;
        this.displayName = displayName;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
