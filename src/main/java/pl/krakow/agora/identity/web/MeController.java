package pl.krakow.agora.identity.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;

/** {@code GET /api/v1/me}: who the caller is signed in as, for API clients and for the tests. */
@RestController
class MeController {

    record Me(boolean authenticated, @Nullable String username, @Nullable String displayName, List<String> roles) {
    }

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/api/v1/me")
    Me me() {
        List<String> roles = currentUser.roles().stream().map(Role::name).sorted().toList();
        return currentUser.get()
                .map(user -> new Me(true, user.username(), user.displayName(), roles))
                .orElseGet(() -> new Me(false, null, null, List.of()));
    }
}
