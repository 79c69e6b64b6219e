package pl.krakow.agora.budget.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import pl.krakow.agora.budget.pabulib.PabulibReader;

/** The oracle: every line of shared/data/pb/expected.jsonl, reproduced exactly. */
class ExpectedOutcomesTest {

    private static final Map<String, TallyInput> INPUTS = new HashMap<>();

    static Stream<Arguments> expectedLines() throws IOException {
        Path dir = SharedData.pbDir();
        List<String> lines = Files.readAllLines(dir.resolve("expected.jsonl"), StandardCharsets.UTF_8);
        return lines.stream().filter(l -> !l.isBlank()).map(l -> {
            Map<String, Object> o = MiniJson.object(l);
            return Arguments.of(o.get("file") + " " + o.get("rule"), o);
        });
    }

    private static synchronized TallyInput input(String file) throws IOException {
        TallyInput in = INPUTS.get(file);
        if (in == null) {
            in = TallyInput.fromPabulib(PabulibReader.read(SharedData.pbFile(file)));
            INPUTS.put(file, in);
        }
        return in;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedLines")
    void ruleReproducesTheOracleOutcome(String name, Map<String, Object> expected) throws IOException {
        TallyInput in = input((String) expected.get("file"));
        Rule rule = Rule.ofCode((String) expected.get("rule")).orElseThrow();

        TallyResult result = PbTally.tally(in, rule);

        assertThat(result.selectedSorted()).as("selected").isEqualTo(expected.get("selected"));
        assertThat(result.totalCost()).as("total_cost").isEqualByComparingTo((BigDecimal) expected.get("total_cost"));
        assertThat(result.budget()).as("budget").isEqualByComparingTo((BigDecimal) expected.get("budget"));
        if (expected.get("add1_k") != null) {
            assertThat(result.add1K()).as("add1_k").isEqualTo(((BigDecimal) expected.get("add1_k")).intValueExact());
            assertThat(result.perVoterBudget()).as("add1_final_per_voter")
                    .isEqualTo(Rational.parse((String) expected.get("add1_final_per_voter")));
        }
        if (Boolean.FALSE.equals(expected.get("tie_sensitive"))) {
            TallyResult reversed = PbTally.tally(in, rule, TieBreak.lastListed(), false);
            assertThat(reversed.selectedSorted()).as("tie-insensitive outcome under last-listed tie-break")
                    .isEqualTo(expected.get("selected"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedLines")
    void explainedRunGivesTheSameOutcomeAndATracePerProject(String name, Map<String, Object> expected) throws IOException {
        TallyInput in = input((String) expected.get("file"));
        Rule rule = Rule.ofCode((String) expected.get("rule")).orElseThrow();

        TallyResult result = PbTally.tally(in, rule, TieBreak.fileOrder(), true);

        assertThat(result.selectedSorted()).isEqualTo(expected.get("selected"));
        assertThat(result.trace()).hasSize(in.projects().size());
        assertThat(result.trace().stream().filter(t -> t.status() == TraceEntry.Status.FUNDED).map(TraceEntry::projectId).toList())
                .containsExactlyElementsOf(result.selected());
    }
}
