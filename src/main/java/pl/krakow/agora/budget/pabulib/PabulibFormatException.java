package pl.krakow.agora.budget.pabulib;

/**
 * A {@code .pb} file that does not follow the Pabulib format (https://pabulib.org/format).
 * Carries the 1-based line number so that an importing user can find the broken line;
 * {@link #messageKey()} lets the application translate the message.
 */
public final class PabulibFormatException extends RuntimeException {

    private final int line;
    private final String detail;

    public PabulibFormatException(int line, String detail) {
        super("line " + line + ": " + detail);
        this.line = line;
        this.detail = detail;
    }

    /** 1-based line number in the file, or 0 when the problem concerns the file as a whole. */
    public int line() {
        return line;
    }

    /** The problem without the line prefix. */
    public String detail() {
        return detail;
    }

    /** i18n key for the application's error handler; arguments are {@link #line()} and {@link #detail()}. */
    public String messageKey() {
        return "budget.pabulib.format-error";
    }
}
