package pl.krakow.agora.recommendation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for the FULLTEXT index so that a search without diacritics finds text with them
 * ("tlumaczenie" finds "tłumaczenie"). MariaDB's Unicode collations compare "ą" like "a", but
 * "ł" is a letter of its own in the Unicode collation algorithm, so the index is built on a folded
 * copy and the query is folded the same way; Cyrillic is kept (lower-cased) for uk/ru translations.
 */
final class SearchFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** InnoDB's default innodb_ft_min_token_size: shorter words are not in the index. */
    static final int MIN_TOKEN = 3;
    /** InnoDB's default stop words of three letters or more: a required stop word would match nothing. */
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("about", "are", "com", "for", "from",
            "how", "that", "the", "this", "was", "what", "when", "where", "who", "will", "with", "und", "www");

    private SearchFolding() {
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ł', 'l').replace('đ', 'd').replace('ø', 'o')
                .replace("ß", "ss");
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(stripped).replaceAll(" ").trim();
    }

    /**
     * A boolean-mode FULLTEXT query that requires every word as a prefix ("tłumacz" finds
     * "tłumaczenie"); words shorter than the index's minimum are dropped (they are not indexed).
     */
    /**
     * Polish (and Ukrainian, Russian) inflect by endings: "policja" is written "policji",
     * "policją"; "seniorzy" is "seniorów". A prefix search on the word without its last one or two
     * letters finds the other forms; short words are kept whole so that they stay selective.
     */
    static String stem(String word) {
        if (word.length() >= 8) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() >= 6) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    static String booleanQuery(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : fold(text).split(" ")) {
            if (word.length() >= MIN_TOKEN && !STOP_WORDS.contains(word)) {
                terms.add("+" + stem(word) + "*");
            }
        }
        return String.join(" ", terms);
    }
}
