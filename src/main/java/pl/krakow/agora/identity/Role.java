package pl.krakow.agora.identity;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in Agora (architecture.md "Security"). Anonymous visitors have no role. */
public enum Role {
    RESIDENT,
    FORUM_MEMBER,
    PANELIST,
    TRANSLATOR,
    MODERATOR,
    ADMIN;

    /** The Spring Security authority, as {@code @RolesAllowed} and {@code hasRole} expect it. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normalised.startsWith("ROLE_")) {
            normalised = normalised.substring(5);
        }
        for (Role role : values()) {
            if (role.name().equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
