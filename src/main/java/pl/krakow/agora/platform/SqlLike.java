package pl.krakow.agora.platform;

/** Building SQL {@code LIKE} patterns from user input (MariaDB's default escape character is {@code \}). */
public final class SqlLike {

    private SqlLike() {
    }

    /** The text with {@code \ % _} escaped, so that it matches only itself inside a pattern. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any value that contains the text. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
