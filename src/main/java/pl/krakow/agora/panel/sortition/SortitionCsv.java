package pl.krakow.agora.panel.sortition;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the two CSV files of the replication material of Flanigan et al. (2021) (see
 * {@code shared/data/sortition/README.md}):
 *
 * <ul>
 *   <li>{@code categories.csv}: header {@code category,feature,min,max}, one row per feature;
 *   <li>{@code respondents.csv}: header of column names, one row per pool member; columns named like a category are
 *       that member's feature, all other columns are ignored. Respondent id = 0-based data-row index.
 * </ul>
 *
 * Tolerates a UTF-8 byte-order mark, CRLF line ends, a missing final newline, blank lines and RFC 4180 quoting.
 */
public final class SortitionCsv {

  private SortitionCsv() {}

  public static List<Category> readCategories(Path file) throws IOException {
    return readCategories(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
  }

  public static List<Category> readCategories(Reader reader, String sourceName) throws IOException {
    return readCategories(slurp(reader), sourceName);
  }

  static List<Category> readCategories(String text, String sourceName) {
    List<Row> rows = parse(text);
    if (rows.isEmpty()) {
      throw new SortitionException("panel.sortition.error.csv-empty", sourceName);
    }
    List<String> header = rows.get(0).cells.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    int ci = header.indexOf("category");
    int fi = header.indexOf("feature");
    int mini = header.indexOf("min");
    int maxi = header.indexOf("max");
    if (ci < 0 || fi < 0 || mini < 0 || maxi < 0) {
      throw new SortitionException("panel.sortition.error.csv-header", sourceName, String.join(",", header));
    }
    Map<String, List<Feature>> byCategory = new LinkedHashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      int need = Math.max(Math.max(ci, fi), Math.max(mini, maxi));
      if (row.cells.size() <= need) {
        throw new SortitionException("panel.sortition.error.csv-row", sourceName, row.line,
            "expected at least " + (need + 1) + " columns, found " + row.cells.size());
      }
      String category = row.cells.get(ci).trim();
      String feature = row.cells.get(fi).trim();
      int min = parseQuota(row.cells.get(mini), sourceName, row.line);
      int max = parseQuota(row.cells.get(maxi), sourceName, row.line);
      byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(new Feature(feature, min, max));
    }
    if (byCategory.isEmpty()) {
      throw new SortitionException("panel.sortition.error.no-categories");
    }
    List<Category> categories = new ArrayList<>();
    byCategory.forEach((name, features) -> categories.add(new Category(name, features)));
    return categories;
  }

  public static List<Respondent> readRespondents(Path file, List<Category> categories) throws IOException {
    return readRespondents(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString(), categories);
  }

  public static List<Respondent> readRespondents(Reader reader, String sourceName, List<Category> categories)
      throws IOException {
    return readRespondents(slurp(reader), sourceName, categories);
  }

  static List<Respondent> readRespondents(String text, String sourceName, List<Category> categories) {
    List<Row> rows = parse(text);
    if (rows.isEmpty()) {
      throw new SortitionException("panel.sortition.error.csv-empty", sourceName);
    }
    List<String> header = rows.get(0).cells.stream().map(String::trim).toList();
    int[] column = new int[categories.size()];
    for (int c = 0; c < categories.size(); c++) {
      column[c] = header.indexOf(categories.get(c).name());
      if (column[c] < 0) {
        throw new SortitionException("panel.sortition.error.respondents-missing-category", categories.get(c).name());
      }
    }
    List<Respondent> pool = new ArrayList<>(rows.size() - 1);
    for (Row row : rows.subList(1, rows.size())) {
      int id = pool.size();
      int[] features = new int[categories.size()];
      for (int c = 0; c < categories.size(); c++) {
        String value = column[c] < row.cells.size() ? row.cells.get(column[c]).trim() : "";
        features[c] = categories.get(c).indexOf(value);
        if (features[c] < 0) {
          throw new SortitionException("panel.sortition.error.respondent-unknown-feature",
              id, row.line, categories.get(c).name(), value);
        }
      }
      pool.add(new Respondent(id, features));
    }
    return pool;
  }

  private static int parseQuota(String cell, String sourceName, int line) {
    String s = cell.trim();
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      // Spreadsheets sometimes export whole numbers as "9.0".
      try {
        double d = Double.parseDouble(s);
        if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
          return (int) d;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new SortitionException("panel.sortition.error.csv-row", sourceName, line, "quota \"" + s + "\" is not a whole number");
    }
  }

  private static String slurp(Reader reader) throws IOException {
    var sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int r; (r = reader.read(buf)) >= 0; ) {
      sb.append(buf, 0, r);
    }
    return sb.toString();
  }

  private record Row(int line, List<String> cells) {}

  /** RFC 4180 parser; skips blank lines; {@code line} is the 1-based physical line where a row starts. */
  private static List<Row> parse(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    var cell = new StringBuilder();
    boolean quoted = false;
    boolean rowHasContent = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        rowHasContent = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        rowHasContent = true;
      } else if (ch == '\r' || ch == '\n') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (rowHasContent) {
          cells.add(cell.toString());
          rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        rowHasContent = false;
        line++;
        rowLine = line;
      } else {
        cell.append(ch);
        if (!Character.isWhitespace(ch)) {
          rowHasContent = true;
        }
      }
    }
    if (rowHasContent) {
      cells.add(cell.toString());
      rows.add(new Row(rowLine, List.copyOf(cells)));
    }
    return rows;
  }
}
