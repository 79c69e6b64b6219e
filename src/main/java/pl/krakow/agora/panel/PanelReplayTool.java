package pl.krakow.agora.panel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pl.krakow.agora.panel.sortition.CompositionDistribution.WeightedComposition;
import pl.krakow.agora.panel.sortition.PanelSelectCommand;
import pl.krakow.agora.panel.sortition.PanelSelection;
import pl.krakow.agora.panel.sortition.PublishedLottery;

/**
 * {@code panel-replay FILE.json}: repeats a published panel draw from the published file alone (no
 * declared values, no Spring, no database). It draws the panel from {@code lottery} and the reserve
 * from {@code reserve_lottery} with the published {@code seed}, orders the alternates as the draw
 * did, recomputes every probability from the lottery, and prints what it found as one JSON object.
 * Exit code 0 when panel, alternates and probabilities all match the file, 1 when any differs, 2
 * when the file cannot be read.
 */
public final class PanelReplayTool {

    static final String USAGE = """
            Usage: panel-replay FILE.json|-
              Repeats a published citizens' panel draw (the JSON downloaded from the panel's page) from its
              lottery, reserve lottery and seed, and checks panel, alternates and probabilities against it.
              Exit 0: everything matches; 1: something differs; 2: the file cannot be read.""";
    /** The published probabilities have 10 decimals. */
    static final double PROBABILITY_TOLERANCE = 1e-9;

    private PanelReplayTool() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.getFirst().equals("panel-replay")) {
            a.removeFirst();
        }
        if (a.size() != 1 || a.getFirst().equals("--help") || a.getFirst().equals("-h")) {
            (a.size() == 1 ? out : err).println(USAGE);
            return a.size() == 1 ? 0 : 2;
        }
        try {
            String text = a.getFirst().equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(a.getFirst()), StandardCharsets.UTF_8);
            JsonNode published = JsonMapper.builder().build().readTree(text);
            Replay replay = replay(published);
            out.println(replay.json());
            return replay.matches() ? 0 : 1;
        } catch (IOException | JacksonException | IllegalArgumentException | NullPointerException e) {
            err.println("panel-replay: cannot read the published draw: " + e.getMessage());
            return 2;
        }
    }

    record Replay(List<String> panel, List<String> alternates, boolean panelMatches, boolean alternatesMatch,
            double maxProbabilityDifference, double probabilitySum) {

        boolean matches() {
            return panelMatches && alternatesMatch && maxProbabilityDifference <= PROBABILITY_TOLERANCE;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"panel\": %s, \"alternates\": %s, \"panel_matches\": %s,"
                    + " \"alternates_match\": %s, \"probabilities_match\": %s, \"max_probability_difference\": %s,"
                    + " \"probabilities_sum\": %.10f}", strings(panel), strings(alternates), panelMatches,
                    alternatesMatch, maxProbabilityDifference <= PROBABILITY_TOLERANCE, maxProbabilityDifference,
                    probabilitySum);
        }
    }

    static Replay replay(JsonNode published) {
        List<String> order = strings(required(published, "respondent_order"));
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            if (row.put(order.get(i), i) != null) {
                throw new IllegalArgumentException("respondent " + order.get(i) + " is listed twice");
            }
        }
        PublishedLottery lottery = lottery(required(published, "lottery"), row);
        JsonNode reserveNode = published.get("reserve_lottery");
        PublishedLottery reserve = reserveNode == null || reserveNode.isNull() ? null : lottery(reserveNode, row);
        String seed = required(published, "seed").asString();
        int[][] drawn = PanelSelection.replay(lottery, reserve, seed);
        List<String> panel = names(drawn[0], order);
        List<String> publishedAlternates = strings(required(published, "alternates"));
        List<String> alternates = names(DrawRunner.alternatesInOrder(drawn[1], seed, publishedAlternates.size()), order);

        double[] p = lottery.probabilities(order.size());
        double worst = 0;
        double sum = 0;
        JsonNode probabilities = required(published, "probabilities");
        for (int i = 0; i < p.length; i++) {
            JsonNode given = probabilities.get(order.get(i));
            worst = Math.max(worst, given == null ? Double.POSITIVE_INFINITY : Math.abs(given.asDouble() - p[i]));
            sum += p[i];
        }
        if (probabilities.size() != p.length) {
            worst = Double.POSITIVE_INFINITY;
        }
        return new Replay(panel, alternates, panel.equals(strings(required(published, "panel"))),
                alternates.equals(publishedAlternates), worst, sum);
    }

    private static PublishedLottery lottery(JsonNode node, Map<String, Integer> row) {
        List<int[]> types = new ArrayList<>();
        for (JsonNode type : required(node, "types")) {
            types.add(strings(type).stream().mapToInt(id -> {
                Integer r = row.get(id);
                if (r == null) {
                    throw new IllegalArgumentException("type member " + id + " is not in respondent_order");
                }
                return r;
            }).toArray());
        }
        List<WeightedComposition> support = new ArrayList<>();
        for (JsonNode composition : required(node, "support")) {
            int[] counts = new int[types.size()];
            for (JsonNode pair : required(composition, "counts")) {
                counts[pair.get(0).asInt()] = pair.get(1).asInt();
            }
            support.add(new WeightedComposition(counts, required(composition, "probability").asDouble()));
        }
        return new PublishedLottery(types, support);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> names(int[] rows, List<String> order) {
        List<String> names = new ArrayList<>();
        for (int r : rows) {
            names.add(order.get(r));
        }
        return names;
    }

    private static String strings(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (String v : values) {
            sb.append(sb.length() == 1 ? "" : ", ").append(PanelSelectCommand.quote(v));
        }
        return sb.append(']').toString();
    }
}
