package pl.krakow.agora.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;

/** The identity module's use cases on accounts: provisioning, local accounts, roles, preferences. */
@Service
public class UserAccounts {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;

    UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A local account exists for this user name, or the OIDC user already has one. */
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return repository.existsByUsername(username);
    }

    /**
     * Creates a local account (form login). Passwords are stored only as a salted, adaptive hash
     * (bcrypt through Spring Security's delegating encoder, so the algorithm can be raised later).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserRef createLocalAccount(String username, String displayName, String rawPassword, Set<Role> roles) {
        if (rawPassword.length() < 10) {
            throw new AgoraException("identity.error.password-too-short", 10);
        }
        if (repository.existsByUsername(username)) {
            throw new AgoraException("identity.error.username-taken", username);
        }
        UserAccount account = new UserAccount(username, displayName, clock.instant());
        account.passwordHash(passwordEncoder.encode(rawPassword));
        roles.forEach(account::grant);
        repository.save(account);
        auditLog.record("identity.account.created", "user:" + username, "roles=" + roles);
        return ref(account);
    }

    /**
     * Finds or creates the account of an OIDC user on sign-in (issue 4, item 3). The provider stays
     * the authority for its claims: name and e-mail are refreshed at every sign-in.
     */
    @Transactional
    public ProvisionedUser provisionOidcUser(String issuer, String subject, @Nullable String preferredUsername,
            @Nullable String name, @Nullable String email) {
        Optional<UserAccount> existing = repository.findByOidcIssuerAndOidcSubject(issuer, subject);
        boolean created = existing.isEmpty();
        UserAccount account = existing.orElseGet(() -> {
            UserAccount fresh = new UserAccount(freeUsername(preferredUsername, email, subject),
                    firstNonBlank(name, preferredUsername, email, subject), clock.instant());
            fresh.oidcIdentity(issuer, subject);
            fresh.grant(Role.RESIDENT);
            return fresh;
        });
        if (name != null && !name.isBlank()) {
            account.displayName(name);
        }
        account.email(email);
        account.loggedInAt(clock.instant());
        repository.save(account);
        if (created) {
            auditLog.record(account.username(), "identity.account.provisioned", "user:" + account.username(),
                    "issuer=" + issuer);
        }
        return new ProvisionedUser(ref(account), account.roles(), account.preferredLanguage());
    }

    /** What sign-in needs of a provisioned account. */
    public record ProvisionedUser(UserRef user, Set<Role> storedRoles, @Nullable String preferredLanguage) {
    }

    @Transactional(readOnly = true)
    Optional<UserAccount> findLocal(String username) {
        return repository.findByUsername(username).filter(a -> a.passwordHash() != null);
    }

    @Transactional
    void recordLocalLogin(long userId) {
        repository.findById(userId).ifPresent(a -> a.loggedInAt(clock.instant()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void grant(long userId, Role role) {
        UserAccount account = repository.findById(userId)
                .orElseThrow(() -> new AgoraException("identity.error.no-such-user", userId));
        account.grant(role);
        auditLog.record("identity.role.granted", "user:" + account.username(), "role=" + role);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(long userId, Role role) {
        UserAccount account = repository.findById(userId)
                .orElseThrow(() -> new AgoraException("identity.error.no-such-user", userId));
        account.revoke(role);
        auditLog.record("identity.role.revoked", "user:" + account.username(), "role=" + role);
    }

    @Transactional(readOnly = true)
    public Optional<String> preferredLanguage(long userId) {
        return repository.findById(userId).map(UserAccount::preferredLanguage);
    }

    @Transactional
    public void setPreferredLanguage(long userId, String languageTag) {
        repository.findById(userId).ifPresent(a -> a.preferredLanguage(languageTag));
    }

    private String freeUsername(@Nullable String preferredUsername, @Nullable String email, String subject) {
        String base = firstNonBlank(preferredUsername, email, "oidc-" + subject);
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        String candidate = base;
        for (int n = 2; repository.existsByUsername(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }

    private static UserRef ref(UserAccount account) {
        return new UserRef(account.id(), account.username(), account.displayName());
    }
}
