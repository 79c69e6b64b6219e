package pl.krakow.agora.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import pl.krakow.agora.AgoraIntegrationTest;

/**
 * The audit chain on the real database: appends from many threads stay one chain, the database
 * refuses changes, and a row changed or removed behind the application's back is found.
 */
@AgoraIntegrationTest
class AuditLogIT {

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("auditor", "n/a",
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<AuditEntry>> appends = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            appends.add(() -> auditLog.record("test-" + n % 8, "test.append", "item:" + n, "n=" + n));
        }
        for (Future<AuditEntry> f : pool.invokeAll(appends)) {
            f.get();
        }
        pool.shutdown();
        assertThat(count()).isEqualTo(before + 80);
        AuditVerification verification = auditLog.verify();
        assertThat(verification.isIntact()).as(verification.toString()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(before + 80);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteARow() {
        AuditEntry entry = auditLog.record("tester", "test.immutable", "item:1", "original");
        assertThatThrownBy(() -> jdbc.sql("UPDATE platform_audit_log SET details = 'forged' WHERE id = :id")
                .param("id", entry.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM platform_audit_log WHERE id = :id")
                .param("id", entry.id()).update()).hasMessageContaining("append-only");
    }

    @Test
    void aTamperedRowIsReportedAsTheFirstBrokenLink() {
        AuditEntry victim = auditLog.record("tester", "test.tamper", "item:2", "amount=100");
        auditLog.record("tester", "test.tamper", "item:3", "after");
        withoutTriggers(() -> {
            jdbc.sql("UPDATE platform_audit_log SET details = 'amount=1000' WHERE id = :id")
                    .param("id", victim.id()).update();
            AuditVerification verification = auditLog.verify();
            assertThat(verification.isIntact()).isFalse();
            assertThat(verification.firstBrokenId()).hasValue(victim.id());
            assertThat(verification.reason()).isEqualTo("platform.audit.broken.content");
            jdbc.sql("UPDATE platform_audit_log SET details = 'amount=100' WHERE id = :id")
                    .param("id", victim.id()).update();
        });
        assertThat(auditLog.verify().isIntact()).isTrue();
    }

    @Test
    void aRemovedRowIsReportedAsMissing() {
        AuditEntry victim = auditLog.record("tester", "test.remove", "item:4", "will vanish");
        auditLog.record("tester", "test.remove", "item:5", "after");
        withoutTriggers(() -> {
            jdbc.sql("DELETE FROM platform_audit_log WHERE id = :id").param("id", victim.id()).update();
            AuditVerification verification = auditLog.verify();
            assertThat(verification.firstBrokenId()).hasValue(victim.id());
            assertThat(verification.reason()).isEqualTo("platform.audit.broken.missing");
            // put the row back exactly as it was
            jdbc.sql("""
                    INSERT INTO platform_audit_log (id, occurred_at, actor, action, target, details, previous_hash, hash)
                    VALUES (:id, :at, :actor, :action, :target, :details, :prev, :hash)""")
                    .param("id", victim.id())
                    .param("at", java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(victim.occurredAt(),
                            java.time.ZoneOffset.UTC)))
                    .param("actor", victim.actor()).param("action", victim.action()).param("target", victim.target())
                    .param("details", victim.details()).param("prev", victim.previousHash()).param("hash", victim.hash())
                    .update();
        });
        assertThat(auditLog.verify().isIntact()).isTrue();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM platform_audit_log").query(Long.class).single();
    }

    /** A privileged attacker drops the triggers first; they are restored afterwards. */
    private void withoutTriggers(Runnable tampering) {
        jdbc.sql("DROP TRIGGER platform_audit_log_no_update").update();
        jdbc.sql("DROP TRIGGER platform_audit_log_no_delete").update();
        try {
            tampering.run();
        } finally {
            jdbc.sql("CREATE TRIGGER platform_audit_log_no_update BEFORE UPDATE ON platform_audit_log FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'platform_audit_log is append-only'").update();
            jdbc.sql("CREATE TRIGGER platform_audit_log_no_delete BEFORE DELETE ON platform_audit_log FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'platform_audit_log is append-only'").update();
        }
    }
}
