package pl.krakow.agora.budget.tally;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pl.krakow.agora.budget.pabulib.PabulibFormatException;
import pl.krakow.agora.budget.pabulib.PabulibReader;
import pl.krakow.agora.budget.pabulib.PbFile;

/**
 * {@code pb-tally --rule RULE [--explain] [--tie-break ORDER] FILE.pb}: tallies a Pabulib file
 * and prints one JSON object on one line:
 * {@code {"rule":…,"selected":[ids in string order],"total_cost":…,"budget":…,"seconds":…}};
 * {@code --explain} adds {@code "add1_k"} (Add1 rules), {@code "per_voter_budget"} (MES rules)
 * and a {@code "trace"} array. Exit codes: 0 ok, 2 usage error, 1 unreadable or broken file.
 */
public final class PbTallyCommand {

    static final String USAGE = """
            usage: pb-tally --rule RULE [--explain] [--tie-break ORDER] FILE.pb
              RULE   greedy | greedy-threshold | mes-cost | mes-approval | mes-cost-add1 | mes-cost-add1-exhaustive-stop
              ORDER  file-order (default: listed first wins) | last-listed | lower-cost
              FILE   a Pabulib .pb file, or - for standard input
            prints one JSON object: {"rule":…,"selected":[…],"total_cost":…,"budget":…,"seconds":…}""";

    private PbTallyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> a = List.of(args);
        if (!a.isEmpty() && a.get(0).equals("pb-tally")) {
            a = a.subList(1, a.size());
        }
        Rule rule = null;
        boolean explain = false;
        TieBreak tieBreak = TieBreak.fileOrder();
        String file = null;
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--explain" -> explain = true;
                case "--rule", "--tie-break" -> {
                    if (value == null) {
                        if (i + 1 >= a.size()) {
                            return usage(err, arg + " needs a value");
                        }
                        value = a.get(++i);
                    }
                    if (arg.equals("--rule")) {
                        Optional<Rule> r = Rule.ofCode(value.toLowerCase(Locale.ROOT));
                        if (r.isEmpty()) {
                            return usage(err, "unknown rule \"" + value + "\"");
                        }
                        rule = r.get();
                    } else {
                        tieBreak = switch (value) {
                            case "file-order" -> TieBreak.fileOrder();
                            case "last-listed" -> TieBreak.lastListed();
                            case "lower-cost" -> TieBreak.lowerCostFirst();
                            default -> null;
                        };
                        if (tieBreak == null) {
                            return usage(err, "unknown tie-break \"" + value + "\"");
                        }
                    }
                }
                default -> {
                    if (arg.startsWith("-") && !arg.equals("-")) {
                        return usage(err, "unknown option " + arg);
                    }
                    if (file != null) {
                        return usage(err, "more than one file given");
                    }
                    file = arg;
                }
            }
        }
        if (rule == null) {
            return usage(err, "--rule is required");
        }
        if (file == null) {
            return usage(err, "no file given");
        }
        PbFile pb;
        try {
            pb = file.equals("-") ? PabulibReader.read(in) : PabulibReader.read(Files.readAllBytes(Path.of(file)));
        } catch (PabulibFormatException e) {
            err.println("pb-tally: " + file + ": " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("pb-tally: " + file + ": no such file");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("pb-tally: " + file + ": cannot read: " + oneLine(e));
            return 1;
        }
        try {
            TallyInput input = TallyInput.fromPabulib(pb);
            if (rule == Rule.GREEDY_THRESHOLD && input.minScoreThreshold().isEmpty()) {
                err.println("pb-tally: " + file + ": greedy-threshold needs META min_project_score_threshold, which this file lacks");
                return 1;
            }
            long start = System.nanoTime();
            TallyResult result = PbTally.tally(input, rule, tieBreak, explain);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(toJson(result, seconds, explain));
            return 0;
        } catch (RuntimeException e) {
            err.println("pb-tally: " + file + ": " + oneLine(e));
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("pb-tally: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    static String toJson(TallyResult r, double seconds, boolean explain) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"rule\":").append(Json.string(r.rule().code()));
        b.append(",\"selected\":[");
        List<String> sorted = r.selectedSorted();
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Json.string(sorted.get(i)));
        }
        b.append("],\"total_cost\":").append(Json.number(r.totalCost()));
        b.append(",\"budget\":").append(Json.number(r.budget()));
        b.append(",\"seconds\":").append(String.format(Locale.ROOT, "%.6f", seconds));
        if (explain) {
            if (r.add1K() != null) {
                b.append(",\"add1_k\":").append(r.add1K());
            }
            if (r.perVoterBudget() != null) {
                b.append(",\"per_voter_budget\":").append(Json.fraction(r.perVoterBudget()));
            }
            b.append(",\"trace\":[");
            for (int i = 0; i < r.trace().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                TraceEntry t = r.trace().get(i);
                b.append("{\"project\":").append(Json.string(t.projectId()));
                b.append(",\"status\":").append(Json.string(t.status().code()));
                b.append(",\"step\":").append(t.step());
                if (t.score() != null) {
                    b.append(",\"score\":").append(Json.number(t.score()));
                }
                if (t.budgetLeft() != null) {
                    b.append(",\"budget_left\":").append(Json.fraction(t.budgetLeft()));
                }
                if (t.price() != null) {
                    b.append(",\"q\":").append(Json.fraction(t.price()));
                }
                boolean funded = t.status() == TraceEntry.Status.FUNDED;
                if (t.payers() != null) {
                    b.append(funded ? ",\"payers\":" : ",\"supporters_with_money\":").append(t.payers());
                }
                if (t.moneyLeft() != null) {
                    b.append(funded ? ",\"money_left\":" : ",\"supporters_money\":").append(Json.fraction(t.moneyLeft()));
                }
                b.append('}');
            }
            b.append(']');
        }
        return b.append('}').toString();
    }
}
