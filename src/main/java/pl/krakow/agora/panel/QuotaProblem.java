package pl.krakow.agora.panel;

import java.util.List;

/**
 * Why no panel can meet the quotas with the current pool (issue 6, item 3), as an i18n key with
 * its arguments, plus, when only the integer program could tell, the smallest quota changes that
 * would allow a panel (each naming the category and value).
 */
public record QuotaProblem(String messageKey, List<Object> args, List<QuotaChange> changes) {

    public QuotaProblem {
        args = List.copyOf(args);
        changes = List.copyOf(changes);
    }

    public Object[] arguments() {
        return args.toArray();
    }

    /** Lower the minimum (or raise the maximum) of {@code label} ("category: value") from one number to another. */
    public record QuotaChange(boolean lowerMinimum, String label, int from, int to) {
    }
}
