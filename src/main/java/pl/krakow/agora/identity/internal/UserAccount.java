package pl.krakow.agora.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.identity.Role;

@Entity
@Table(name = "identity_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String displayName;
    private @Nullable String email;
    private @Nullable String passwordHash;
    private @Nullable String oidcIssuer;
    private @Nullable String oidcSubject;
    private @Nullable String preferredLanguage;
    private boolean enabled = true;
    private Instant createdAt;
    private @Nullable Instant lastLoginAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "identity_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", columnDefinition = "varchar(32)")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    void displayName(String displayName) {
        this.displayName = displayName;
    }

    @Nullable String email() {
        return email;
    }

    void email(@Nullable String email) {
        this.email = email;
    }

    @Nullable String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void oidcIdentity(String issuer, String subject) {
        this.oidcIssuer = issuer;
        this.oidcSubject = subject;
    }

    @Nullable String preferredLanguage() {
        return preferredLanguage;
    }

    void preferredLanguage(@Nullable String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    boolean enabled() {
        return enabled;
    }

    void loggedInAt(Instant when) {
        this.lastLoginAt = when;
    }

    Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void grant(Role role) {
        roles.add(role);
    }

    void revoke(Role role) {
        roles.remove(role);
    }
}
