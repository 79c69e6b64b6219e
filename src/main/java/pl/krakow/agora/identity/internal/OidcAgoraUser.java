package pl.krakow.agora.identity.internal;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import pl.krakow.agora.identity.AgoraPrincipal;

/** A principal signed in through an OIDC provider, linked to its provisioned Agora account. */
final class OidcAgoraUser extends DefaultOidcUser implements AgoraPrincipal {

    private final long userId;
    private final String username;
    private final String displayName;

    OidcAgoraUser(long userId, String username, String displayName, Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.userId = userId;
        this.username = username;
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

    /** The Agora user name, so that audit rows and views name the same person whatever the provider. */
    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OidcAgoraUser that && that.userId == userId && super.equals(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }
}
