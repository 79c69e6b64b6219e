package pl.krakow.agora.panel.sortition;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code panel-select}: computes a selection lottery and draws a panel from a public seed; writes JSON.
 *
 * <pre>
 * panel-select --algorithm {leximin,legacy} --categories categories.csv --respondents respondents.csv
 *              --panel-size K [--seed S] [--output-json FILE|-] [--alternates] [--legacy-draws N]
 *              [--time-limit SECONDS]
 * </pre>
 *
 * Exit codes: 0 done (also when leximin stopped at the time limit: "converged": false plus a warning on stderr), 1 bad
 * input or infeasible quotas (one line on stderr), 2 usage error.
 */
public final class PanelSelectCommand {

  static final String USAGE = """
      usage: panel-select --algorithm {leximin,legacy} --categories categories.csv \
      --respondents respondents.csv --panel-size K [--seed S] [--output-json FILE|-] [--alternates] \
      [--legacy-draws N] [--time-limit SECONDS]
        --algorithm      leximin (Flanigan et al. 2021, maximises the smallest selection probabilities) or
                         legacy (greedy sequential draw; probabilities estimated from repeated draws);
                         uniform is also accepted when no quota binds
        --categories     CSV with header category,feature,min,max
        --respondents    CSV with one column per category (other columns ignored); '-' reads standard input
        --panel-size     number of panel members K
        --seed           public seed string of the draw (default: a fresh random seed, reported in the output)
        --output-json    where to write the JSON result; '-' or absent: standard output
        --alternates     also draw a reserve panel of K from the rest of the pool, the same way
        --legacy-draws   draws behind the legacy estimate (default 10000)
        --time-limit     stop leximin after this many seconds (default 300); it then returns the best valid
                         lottery found so far, marked "converged": false in the JSON, with a warning on stderr
                         naming the proven upper bound on the minimum probability and the remaining gap
      """;

  /**
   * Default of {@code --time-limit}: five minutes, ample for pools of a few hundred respondents; larger pools return
   * the anytime (not converged) lottery with its proven gap rather than keep the operator waiting.
   */
  static final int DEFAULT_TIME_LIMIT_SECONDS = 300;

  private PanelSelectCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  private static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** Runs the command; returns the exit code. Never throws, never prints a stack trace. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    String algorithm = null;
    String categories = null;
    String respondents = null;
    String panelSize = null;
    String seed = null;
    String output = "-";
    String legacyDraws = String.valueOf(LegacySelection.DEFAULT_DRAWS);
    boolean alternates = false;
    String timeLimit = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          value = a.substring(eq + 1);
          a = a.substring(0, eq);
        }
        switch (a) {
          case "--help", "-h" -> {
            out.print(USAGE);
            out.flush();
            return 0;
          }
          case "--alternates" -> alternates = true;
          case "--algorithm", "--categories", "--respondents", "--panel-size", "--seed", "--output-json",
              "--legacy-draws", "--time-limit" -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new UsageException(a + " needs a value");
              }
              value = args[++i];
            }
            switch (a) {
              case "--algorithm" -> algorithm = value;
              case "--categories" -> categories = value;
              case "--respondents" -> respondents = value;
              case "--panel-size" -> panelSize = value;
              case "--seed" -> seed = value;
              case "--output-json" -> output = value;
              case "--time-limit" -> timeLimit = value;
              default -> legacyDraws = value;
            }
          }
          default -> throw new UsageException("unknown argument " + a);
        }
      }
      if (algorithm == null || categories == null || respondents == null || panelSize == null) {
        throw new UsageException("--algorithm, --categories, --respondents and --panel-size are required");
      }
      PanelSelection.Algorithm alg;
      try {
        alg = PanelSelection.Algorithm.valueOf(algorithm.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("unknown algorithm " + algorithm + " (leximin or legacy)");
      }
      int k = parsePositive(panelSize, "--panel-size");
      int draws = parsePositive(legacyDraws, "--legacy-draws");
      java.time.Duration budget = timeLimit == null ? java.time.Duration.ofSeconds(DEFAULT_TIME_LIMIT_SECONDS)
          : java.time.Duration.ofSeconds(parsePositive(timeLimit, "--time-limit"));
      if (seed == null) {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        seed = HexFormat.of().formatHex(b);
      }
      return select(alg, categories, respondents, k, seed, output, draws, alternates, budget, in, out, err);
    } catch (UsageException e) {
      err.println("panel-select: " + e.getMessage());
      err.print(USAGE);
      err.flush();
      return 2;
    }
  }

  private static int parsePositive(String s, String option) throws UsageException {
    try {
      int v = Integer.parseInt(s.trim());
      if (v <= 0) {
        throw new UsageException(option + " must be a positive whole number, got " + s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a positive whole number, got " + s);
    }
  }

  private static int select(PanelSelection.Algorithm alg, String categoriesFile, String respondentsFile, int k,
      String seed, String output, int draws, boolean alternates, java.time.Duration budget, InputStream in,
      PrintStream out, PrintStream err) {
    try {
      long start = System.nanoTime();
      List<Category> categories = SortitionCsv.readCategories(Path.of(categoriesFile));
      List<Respondent> pool = "-".equals(respondentsFile)
          ? SortitionCsv.readRespondents(new InputStreamReader(in, StandardCharsets.UTF_8), "standard input", categories)
          : SortitionCsv.readRespondents(Path.of(respondentsFile), categories);
      var instance = new SortitionInstance(categories, pool, k);
      PanelSelection.Result result = PanelSelection.select(instance, alg, seed, draws, alternates, budget);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (result.distribution() instanceof CompositionDistribution cd && !cd.converged()) {
        err.println(warning(cd, budget));
        err.flush();
      }
      String json = toJson(instance, alg, result, seconds, alternates);
      if ("-".equals(output)) {
        out.print(json);
        out.flush();
      } else {
        Files.writeString(Path.of(output), json, StandardCharsets.UTF_8);
      }
      return 0;
    } catch (SortitionException e) {
      err.println("panel-select: " + e.getMessage() + " [" + e.key() + "]");
    } catch (NoSuchFileException e) {
      err.println("panel-select: file not found: " + e.getFile());
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("panel-select: cannot read or write a file: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      // Last resort: still one line, no stack trace (native library problems, solver errors).
      err.println("panel-select: unexpected error: " + e);
    }
    err.flush();
    return 1;
  }

  /** The one-line stderr warning for a lottery cut short by the time limit. */
  static String warning(CompositionDistribution cd, java.time.Duration budget) {
    return String.format(Locale.ROOT, "panel-select: warning: leximin stopped at the time limit (%d s) before"
        + " converging: minimum probability %.6f, proven upper bound %.6f (gap %.6f); %d panels generated; the"
        + " lottery is valid but not proven LEXIMIN", budget.toSeconds(), cd.firstStageValue(),
        cd.firstStageBound(), cd.firstStageBound() - cd.firstStageValue(), cd.panelsGenerated());
  }

  static String toJson(SortitionInstance instance, PanelSelection.Algorithm alg, PanelSelection.Result result,
      double seconds, boolean alternates) {
    PanelDistribution d = result.distribution();
    double[] p = d.probabilities();
    var sb = new StringBuilder(64 + 24 * p.length);
    sb.append("{\n");
    sb.append("  \"algorithm\": ").append(quote(alg.label())).append(",\n");
    if (!d.algorithm().equals(alg.label())) {
      sb.append("  \"method\": ").append(quote(d.algorithm())).append(",\n");
    }
    sb.append("  \"panel_size\": ").append(instance.panelSize()).append(",\n");
    sb.append("  \"n\": ").append(instance.n()).append(",\n");
    sb.append("  \"seed\": ").append(quote(result.seed())).append(",\n");
    sb.append("  \"seconds\": ").append(number(seconds)).append(",\n");
    sb.append("  \"panels_generated\": ").append(d.panelsGenerated()).append(",\n");
    if (d instanceof LegacySelection legacy) {
      sb.append("  \"legacy_draws\": ").append(legacy.draws()).append(",\n");
    }
    sb.append("  \"min_probability\": ").append(number(d.minProbability())).append(",\n");
    if (d instanceof CompositionDistribution cd) {
      sb.append("  \"converged\": ").append(cd.converged()).append(",\n");
      if (!cd.converged()) {
        sb.append("  \"min_probability_upper_bound\": ").append(number(cd.firstStageBound())).append(",\n");
      }
    } else if (d instanceof UniformDistribution) {
      sb.append("  \"converged\": true,\n");
    }
    sb.append("  \"panel\": ").append(ids(result.panel()));
    if (alternates) {
      sb.append(",\n  \"alternates\": ").append(ids(result.alternates()));
    }
    sb.append(",\n  \"probabilities\": {");
    for (int i = 0; i < p.length; i++) {
      sb.append(i == 0 ? "\n    " : ",\n    ").append('"').append(i).append("\": ").append(number(p[i]));
    }
    sb.append("\n  }\n}\n");
    return sb.toString();
  }

  private static String ids(int[] ids) {
    var sb = new StringBuilder("[");
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(ids[i]).append('"');
    }
    return sb.append(']').toString();
  }

  private static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v) + ".0";
    }
    return Double.toString(v);
  }

  /** A JSON string literal of {@code s} (quotes, backslashes and control characters escaped). */
  public static String quote(String s) {
    var sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
