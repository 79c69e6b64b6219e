package pl.krakow.agora.platform.audit;

import java.util.OptionalLong;

/**
 * The outcome of re-computing the whole chain.
 *
 * @param entriesChecked how many rows were read
 * @param firstBrokenId  the id of the first row whose link does not hold (empty when the chain is intact)
 * @param reason         why that link is broken, as an i18n key ({@code platform.audit.broken.*})
 */
public record AuditVerification(long entriesChecked, OptionalLong firstBrokenId, String reason) {

    public static AuditVerification intact(long entriesChecked) {
        return new AuditVerification(entriesChecked, OptionalLong.empty(), "");
    }

    public static AuditVerification brokenAt(long entriesChecked, long id, String reason) {
        return new AuditVerification(entriesChecked, OptionalLong.of(id), reason);
    }

    public boolean isIntact() {
        return firstBrokenId.isEmpty();
    }
}
