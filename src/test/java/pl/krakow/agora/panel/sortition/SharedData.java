package pl.krakow.agora.panel.sortition;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code shared/data}: system property {@code agora.shared.data}, else {@code ../shared/data}, else {@code
 * ../../shared/data}. Missing data skips the test, except on CI ({@code CI=true}), where it fails.
 */
final class SharedData {

  private SharedData() {}

  static Path sortitionInstance(String name) {
    Path dir = sharedData().resolve("sortition").resolve(name);
    if (!Files.isRegularFile(dir.resolve("categories.csv"))) {
      missing("no " + dir.resolve("categories.csv"));
    }
    return dir;
  }

  /** example_small_20 of the replication material, k = 20. */
  static SortitionInstance exampleSmall20() {
    Path dir = sortitionInstance("example_small_20");
    try {
      List<Category> categories = SortitionCsv.readCategories(dir.resolve("categories.csv"));
      return new SortitionInstance(categories,
          SortitionCsv.readRespondents(dir.resolve("respondents.csv"), categories), 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path sharedData() {
    String property = System.getProperty("agora.shared.data");
    if (property != null && !property.isBlank() && !property.contains("${")) {
      return Path.of(property);
    }
    for (String candidate : List.of("../shared/data", "../../shared/data")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p.resolve("sortition"))) {
        return p;
      }
    }
    missing("shared/data not found (set -Dagora.shared.data)");
    return null;
  }

  private static void missing(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why);
    }
    Assumptions.abort(why);
  }
}
