package pl.krakow.agora.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import pl.krakow.agora.identity.Role;

/**
 * Loads the OIDC user as Spring does, then maps the provider's role claims to Agora roles and
 * provisions the user into {@code identity_user} on first sign-in.
 */
class AgoraOidcUserService extends OidcUserService {

    private final ClaimRoleMapper roleMapper;
    private final UserAccounts accounts;

    AgoraOidcUserService(ClaimRoleMapper roleMapper, UserAccounts accounts) {
        this.roleMapper = roleMapper;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidcUser = super.loadUser(request);
        // roles may be in the ID token, the user-info response, or both
        Map<String, Object> claims = new HashMap<>(oidcUser.getIdToken().getClaims());
        if (oidcUser.getUserInfo() != null) {
            claims.putAll(oidcUser.getUserInfo().getClaims());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(roleMapper.map(claims));
        String issuer = String.valueOf(oidcUser.getIdToken().getIssuer());
        UserAccounts.ProvisionedUser provisioned = accounts.provisionOidcUser(issuer, oidcUser.getSubject(),
                oidcUser.getPreferredUsername(), oidcUser.getFullName(), oidcUser.getEmail());
        roles.addAll(provisioned.storedRoles());
        List<GrantedAuthority> authorities = new ArrayList<>(oidcUser.getAuthorities());
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return new OidcAgoraUser(provisioned.user().id(), provisioned.user().username(),
                provisioned.user().displayName(), authorities, oidcUser.getIdToken(), oidcUser.getUserInfo());
    }
}
