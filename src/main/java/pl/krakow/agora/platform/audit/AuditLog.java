package pl.krakow.agora.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and verifies the audit log. Appending takes a row lock on the chain's head in the database
 * (not a JVM lock), so several application nodes append to one chain without forks. An append joins
 * the caller's transaction: an action that rolls back leaves no audit row, and an audit row that
 * cannot be written rolls the action back.
 */
@Service
public class AuditLog {

    private static final int MAX_FIELD = 255;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action by the user of the current security context (or "system"). */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(String action, String target, String details) {
        return record(currentActor(), action, target, details);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(String actor, String action, String target, String details) {
        String safeActor = limit(actor);
        String safeAction = limit(action);
        String safeTarget = limit(target);
        var head = jdbc.sql("SELECT last_id, last_hash FROM platform_audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long id = (long) head[0] + 1;
        String previousHash = (String) head[1];
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.hash(previousHash, id, occurredAt, safeActor, safeAction, safeTarget, details);
        jdbc.sql("""
                INSERT INTO platform_audit_log (id, occurred_at, actor, action, target, details, previous_hash, hash)
                VALUES (:id, :at, :actor, :action, :target, :details, :prev, :hash)""")
                .param("id", id)
                .param("at", Timestamp.valueOf(LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC)))
                .param("actor", safeActor)
                .param("action", safeAction)
                .param("target", safeTarget)
                .param("details", details)
                .param("prev", previousHash)
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE platform_audit_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", id).param("hash", hash).update();
        return new AuditEntry(id, occurredAt, safeActor, safeAction, safeTarget, details, previousHash, hash);
    }

    /** The newest entries first, for the administrators' audit view. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM platform_audit_log ORDER BY id DESC LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** Re-computes every link of the chain and reports the first one that does not hold. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AtomicReference<AuditVerification> broken = new AtomicReference<>();
        long[] checked = {0};
        String[] previousHash = {AuditChain.GENESIS};
        long[] expectedId = {1};
        jdbc.sql("SELECT * FROM platform_audit_log ORDER BY id").query(rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry entry = entry(rs);
            checked[0]++;
            if (entry.id() != expectedId[0]) {
                broken.set(AuditVerification.brokenAt(checked[0], expectedId[0], "platform.audit.broken.missing"));
            } else if (!entry.previousHash().equals(previousHash[0])) {
                broken.set(AuditVerification.brokenAt(checked[0], entry.id(), "platform.audit.broken.link"));
            } else if (!entry.hash().equals(AuditChain.hash(entry.previousHash(), entry.id(), entry.occurredAt(),
                    entry.actor(), entry.action(), entry.target(), entry.details()))) {
                broken.set(AuditVerification.brokenAt(checked[0], entry.id(), "platform.audit.broken.content"));
            }
            previousHash[0] = entry.hash();
            expectedId[0] = entry.id() + 1;
        });
        if (broken.get() != null) {
            return broken.get();
        }
        var head = jdbc.sql("SELECT last_id, last_hash FROM platform_audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        if ((long) head[0] != expectedId[0] - 1 || !head[1].equals(previousHash[0])) {
            // rows were removed from the end of the chain
            return AuditVerification.brokenAt(checked[0], expectedId[0], "platform.audit.broken.missing");
        }
        return AuditVerification.intact(checked[0]);
    }

    private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }

    /** Refuses rather than truncates: a shortened audit field would be a silent change of the record. */
    private static String limit(String value) {
        if (value.length() > MAX_FIELD) {
            throw new IllegalArgumentException("audit field longer than " + MAX_FIELD + " characters");
        }
        return value;
    }
}
