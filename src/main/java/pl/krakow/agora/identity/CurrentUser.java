package pl.krakow.agora.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting in the current request or UI event, and with which roles. */
@Component
public class CurrentUser {

    public Optional<UserRef> get() {
        Authentication authentication = authentication();
        if (authentication != null && authentication.getPrincipal() instanceof AgoraPrincipal principal) {
            return Optional.of(new UserRef(principal.userId(), authentication.getName(), principal.displayName()));
        }
        return Optional.empty();
    }

    public boolean isAuthenticated() {
        return get().isPresent();
    }

    public Set<Role> roles() {
        Authentication authentication = authentication();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (authentication != null) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    Role.parse(name).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AnonymousAuthenticationToken ? null : authentication;
    }
}
