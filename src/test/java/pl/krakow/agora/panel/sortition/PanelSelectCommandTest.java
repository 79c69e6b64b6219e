package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelSelectCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return PanelSelectCommand.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private void write(String categories, String respondents) throws IOException {
    Files.writeString(dir.resolve("categories.csv"), categories);
    Files.writeString(dir.resolve("respondents.csv"), respondents);
  }

  private String[] args(String algorithm, String k, String... more) {
    String[] base = {"--algorithm", algorithm, "--categories", dir.resolve("categories.csv").toString(),
        "--respondents", dir.resolve("respondents.csv").toString(), "--panel-size", k};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("--algorithm");
  }

  @Test
  void missingOptionIsAUsageErrorWithExitTwo() {
    assertThat(run("--algorithm", "leximin")).isEqualTo(2);
    assertThat(err()).contains("required");
  }

  @Test
  void unknownAlgorithmIsAUsageError() throws IOException {
    write("category,feature,min,max\ng,f,1,1\ng,m,1,1", "g\nf\nm");
    assertThat(run(args("fancy", "2"))).isEqualTo(2);
  }

  @Test
  void infeasibleQuotasExitOneWithOneLineAndNoStackTrace() throws IOException {
    write("category,feature,min,max\ng,f,2,2\ng,m,0,2", "g\nf\nm\nm");
    assertThat(run(args("leximin", "2"))).isEqualTo(1);
    assertThat(err().strip()).doesNotContain("\n").contains("g:f").doesNotContain("at pl.");
  }

  @Test
  void missingFileExitsOne() {
    assertThat(run("--algorithm", "leximin", "--categories", dir.resolve("nope.csv").toString(), "--respondents",
        "x.csv", "--panel-size", "2")).isEqualTo(1);
    assertThat(err()).contains("nope.csv");
  }

  @Test
  void leximinWritesJsonWithProbabilitiesPanelMinimumAndSeconds() throws IOException {
    write("category,feature,min,max\ngender,f,1,1\ngender,m,1,1", "gender,extra\nf,a\nm,b\nm,c\nm,d");
    Path json = dir.resolve("out.json");
    assertThat(run(args("leximin", "2", "--seed", "abc", "--output-json", json.toString()))).isZero();
    String text = Files.readString(json);
    assertThat(text).contains("\"probabilities\": {", "\"0\": 1.0", "\"3\": 0.333333", "\"panel\": [\"0\", ",
        "\"min_probability\": 0.333", "\"seconds\": ", "\"seed\": \"abc\"", "\"algorithm\": \"leximin\"",
        "\"converged\": true");
    assertThat(out()).isEmpty();
    assertThat(err()).isEmpty();
  }

  @Test
  void timeLimitGivesNotConvergedLotteryWithWarningAndExitZero() throws IOException {
    // The 2,000-volunteer pool (1,205 types): the 500-volunteer one can converge within 2 s on a quiet machine.
    SortitionInstance inst = Pools.generated(2000, 80, new int[] {2, 5, 4, 3, 3, 2, 3, 3}, 0.55, 1, 2000);
    var cats = new StringBuilder("category,feature,min,max\n");
    var header = new StringBuilder();
    for (Category c : inst.categories()) {
      header.append(header.isEmpty() ? "" : ",").append(c.name());
      for (Feature f : c.features()) {
        cats.append(c.name()).append(',').append(f.name()).append(',').append(f.min()).append(',').append(f.max())
            .append('\n');
      }
    }
    var rows = new StringBuilder(header).append('\n');
    for (Respondent r : inst.pool()) {
      for (int c = 0; c < inst.categories().size(); c++) {
        rows.append(c == 0 ? "" : ",").append(inst.categories().get(c).features().get(r.feature(c)).name());
      }
      rows.append('\n');
    }
    write(cats.toString(), rows.toString());
    assertThat(run(args("leximin", "80", "--seed", "s", "--time-limit", "2"))).isZero();
    assertThat(out()).contains("\"converged\": false", "\"min_probability_upper_bound\": ", "\"probabilities\"");
    assertThat(err().strip()).doesNotContain("\n").contains("warning", "proven upper bound", "gap");
  }

  @Test
  void legacyWritesToStandardOutputByDefaultAndRepeatsWithTheSameSeed() throws IOException {
    write("category,feature,min,max\ngender,f,1,1\ngender,m,1,1", "gender\nf\nm\nm\nm");
    assertThat(run(args("legacy", "2", "--seed", "x", "--legacy-draws", "200"))).isZero();
    String first = out().replaceAll("\"seconds\": [^,]*", "");
    out.reset();
    assertThat(run(args("legacy", "2", "--seed", "x", "--legacy-draws", "200", "--output-json", "-"))).isZero();
    assertThat(out().replaceAll("\"seconds\": [^,]*", "")).isEqualTo(first).contains("\"probabilities\"");
  }
}
