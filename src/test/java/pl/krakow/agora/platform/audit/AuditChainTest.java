package pl.krakow.agora.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

    @Test
    void hashIsSha256HexAndDeterministic() {
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "identity.login", "user:admin", "");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+")
                .isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "identity.login", "user:admin", ""));
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = AuditChain.hash(AuditChain.GENESIS, 1, AT, "a", "b", "c", "d");
        assertThat(AuditChain.hash("1".repeat(64), 1, AT, "a", "b", "c", "d")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, AT, "a", "b", "c", "d")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(1000), "a", "b", "c", "d")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "x", "b", "c", "d")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "a", "b", "c", "e")).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // without length prefixes "ab"+"c" and "a"+"bc" would hash alike
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "ab", "c", "t", "d"))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, "a", "bc", "t", "d"));
    }
}
