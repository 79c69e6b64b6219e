package pl.krakow.agora.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit row: SHA-256 over the previous row's hash and this row's fields, each field
 * written as its length and its UTF-8 bytes so that no two different rows can produce the same
 * input. Pure Java, so that an auditor can recompute the chain from a database dump.
 */
final class AuditChain {

    /** The "previous hash" of the very first row. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String previousHash, long id, Instant occurredAt, String actor, String action,
            String target, String details) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        for (String field : new String[] {previousHash, Long.toString(id), occurredAt.toString(), actor, action,
                target, details}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
