package pl.krakow.agora.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import pl.krakow.agora.identity.AgoraPrincipal;
import pl.krakow.agora.platform.audit.AuditLog;

/** Every sign-in, and every failed attempt, is a privileged event and goes into the audit log. */
@Component
class LoginAudit {

    private final AuditLog auditLog;
    private final UserAccounts accounts;

    LoginAudit(AuditLog auditLog, UserAccounts accounts) {
        this.auditLog = auditLog;
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        String method = authentication.getClass().getSimpleName().contains("OAuth2") ? "oidc" : "local";
        if (authentication.getPrincipal() instanceof LocalUser local) {
            accounts.recordLocalLogin(local.userId());
        }
        if (authentication.getPrincipal() instanceof AgoraPrincipal) {
            auditLog.record(authentication.getName(), "identity.login", "user:" + authentication.getName(),
                    "method=" + method);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        auditLog.record("anonymous", "identity.login.failed", "user:" + (name.length() > 200 ? name.substring(0, 200) : name),
                event.getException().getClass().getSimpleName());
    }
}
