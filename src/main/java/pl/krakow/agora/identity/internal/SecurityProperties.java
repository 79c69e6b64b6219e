package pl.krakow.agora.identity.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agora.security.*}: sign-in settings an operator sets in {@code config/application.yml}.
 *
 * @param localAccounts whether form login with local accounts is offered (on in the dev profile)
 * @param oidc          how OIDC claims become Agora roles
 */
@ConfigurationProperties("agora.security")
public record SecurityProperties(LocalAccounts localAccounts, Oidc oidc) {

    public SecurityProperties {
        localAccounts = localAccounts == null ? new LocalAccounts(false) : localAccounts;
        oidc = oidc == null ? new Oidc(null, null, null) : oidc;
    }

    public record LocalAccounts(boolean enabled) {
    }

    /**
     * @param roleClaims   claim paths that hold role names, dotted for nested claims:
     *                     {@code roles} (flat) and {@code realm_access.roles} (Keycloak) by default
     * @param roleMapping  provider role name → Agora role name; names equal to an Agora role
     *                     (case-insensitive, with or without {@code ROLE_}) map to it without an entry
     * @param defaultRoles roles every signed-in OIDC user gets
     */
    public record Oidc(List<String> roleClaims, Map<String, String> roleMapping, List<String> defaultRoles) {
        public Oidc {
            roleClaims = roleClaims == null || roleClaims.isEmpty() ? List.of("roles", "realm_access.roles")
                    : List.copyOf(roleClaims);
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
            defaultRoles = defaultRoles == null ? List.of("RESIDENT") : List.copyOf(defaultRoles);
        }
    }
}
