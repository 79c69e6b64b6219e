package pl.krakow.agora.budget;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name recorded for who did something (the audit log's own notion of the actor). */
final class AuditActor {

    private AuditActor() {
    }

    static String name() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() ? "system" : a.getName();
    }
}
