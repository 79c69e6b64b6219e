package pl.krakow.agora.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import pl.krakow.agora.identity.Role;

/**
 * Turns an OIDC provider's claims into Agora roles. Providers put roles in different places: a flat
 * {@code roles} array (Entra ID, many IdPs), or {@code realm_access.roles} (Keycloak); the paths are
 * configurable, and unknown provider roles are ignored rather than guessed.
 */
final class ClaimRoleMapper {

    private final SecurityProperties.Oidc settings;

    ClaimRoleMapper(SecurityProperties.Oidc settings) {
        this.settings = settings;
    }

    Set<Role> map(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        settings.defaultRoles().forEach(name -> Role.parse(name).ifPresent(roles::add));
        for (String path : settings.roleClaims()) {
            Object value = claimAt(claims, path);
            if (value instanceof Collection<?> names) {
                names.forEach(name -> mapOne(String.valueOf(name), roles));
            } else if (value instanceof String names) {
                // some providers send a space- or comma-separated string
                for (String name : names.split("[\\s,]+")) {
                    mapOne(name, roles);
                }
            }
        }
        return roles;
    }

    private void mapOne(String providerRole, Set<Role> into) {
        if (providerRole.isBlank()) {
            return;
        }
        String mapped = settings.roleMapping().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(providerRole))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(providerRole);
        Role.parse(mapped.toUpperCase(Locale.ROOT)).ifPresent(into::add);
    }

    private static Object claimAt(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
