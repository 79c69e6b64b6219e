package pl.krakow.agora.platform.audit;

import java.time.Instant;

/** One row of the audit log as it is stored and published to administrators. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target,
        String details, String previousHash, String hash) {
}
