package pl.krakow.agora.identity;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a signed-in Agora user with the given roles into the security context of a test. */
public final class TestUsers {

    record Principal(long userId, String displayName) implements AgoraPrincipal {
    }

    private TestUsers() {
    }

    public static void signIn(long userId, String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        var token = new UsernamePasswordAuthenticationToken(new Principal(userId, username), "n/a", authorities) {
            @Override
            public String getName() {
                return username;
            }
        };
        SecurityContextHolder.getContext().setAuthentication(token);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
