package pl.krakow.agora.budget.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PbTallyCommandTest {

    private static final String FILE = """
            META
            key;value
            budget;100.5
            vote_type;approval
            PROJECTS
            project_id;cost;name
            b;50.25;"Say ""x""; now"
            a;30;Plain
            VOTES
            voter_id;vote
            1;b,a
            2;b
            3;a
            """;

    record Run(int code, String out, String err) {
    }

    private static Run run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PbTallyCommand.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("x.pb");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void greedyPrintsOneJsonLineWithSortedIdsAndExactDecimals(@TempDir Path dir) throws IOException {
        Run r = run("--rule", "greedy", write(dir, FILE).toString());

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).endsWith("\n").doesNotContain("\n{").hasLineCount(1);
        Map<String, Object> json = MiniJson.object(r.out().strip());
        assertThat(json.keySet()).containsExactly("rule", "selected", "total_cost", "budget", "seconds");
        assertThat(json.get("rule")).isEqualTo("greedy");
        assertThat(json.get("selected")).isEqualTo(List.of("a", "b"));
        assertThat(r.out()).contains("\"total_cost\":80.25,\"budget\":100.5,\"seconds\":");
    }

    @Test
    void pbTallySubcommandNameIsAccepted(@TempDir Path dir) throws IOException {
        Run r = run("pb-tally", "--rule=mes-cost", write(dir, FILE).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"rule\":\"mes-cost\",\"selected\":[");
    }

    @Test
    void explainAddsATraceArray() {
        Run r = run(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), "--rule", "mes-cost-add1", "--explain", "-");
        assertThat(r.code()).isZero();
        Map<String, Object> json = MiniJson.object(r.out().strip());
        assertThat(json).containsKeys("trace", "add1_k", "per_voter_budget");
        assertThat((List<?>) json.get("trace")).hasSize(2);
        assertThat(r.out()).contains("\"status\":\"funded\"", "\"q\":\"");
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("usage: pb-tally --rule RULE");
    }

    @Test
    void unknownRuleIsAUsageError() {
        Run r = run("--rule", "borda", "x.pb");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown rule \"borda\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingRuleOrFileIsAUsageError() {
        assertThat(run("x.pb").code()).isEqualTo(2);
        assertThat(run("--rule", "greedy").code()).isEqualTo(2);
        assertThat(run("--rule").code()).isEqualTo(2);
        assertThat(run("--rule", "greedy", "--frobnicate", "x.pb").code()).isEqualTo(2);
    }

    @Test
    void brokenFileGivesOneLineErrorWithLineNumberAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path f = write(dir, FILE.replace("a;30;Plain", "a;thirty;Plain"));

        Run r = run("--rule", "greedy", f.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).hasLineCount(1).contains("line 8:", "bad number \"thirty\"").doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingFileIsAFileError() {
        Run r = run("--rule", "greedy", "/nonexistent/none.pb");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void greedyThresholdOnAFileWithoutThresholdIsAFileError(@TempDir Path dir) throws IOException {
        Run r = run("--rule", "greedy-threshold", write(dir, FILE).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("min_project_score_threshold");
    }

    @Test
    void greedyThresholdUsesTheMetaThreshold(@TempDir Path dir) throws IOException {
        Path f = write(dir, FILE.replace("vote_type;approval", "vote_type;approval\nmin_project_score_threshold;3"));
        Run r = run("--rule", "greedy-threshold", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"selected\":[]", "\"total_cost\":0");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.string("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
        assertThat(Json.number(new java.math.BigDecimal("1.2300"))).isEqualTo("1.23");
        assertThat(Json.number(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
