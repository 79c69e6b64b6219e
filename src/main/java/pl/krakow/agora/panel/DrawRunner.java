package pl.krakow.agora.panel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import pl.krakow.agora.panel.sortition.CompositionDistribution;
import pl.krakow.agora.panel.sortition.LegacySelection;
import pl.krakow.agora.panel.sortition.PanelDistribution;
import pl.krakow.agora.panel.sortition.PanelSelectCommand;
import pl.krakow.agora.panel.sortition.PanelSelection;
import pl.krakow.agora.panel.sortition.PublicLottery;
import pl.krakow.agora.panel.sortition.PublishedLottery;
import pl.krakow.agora.panel.sortition.SortitionException;
import pl.krakow.agora.panel.sortition.SortitionInstance;

/**
 * Computes draws on one background thread of its own, never on a request or UI thread: LEXIMIN can
 * take minutes on large pools (it stops at the configured time limit with its best valid lottery).
 * The outcome is written by {@link DrawRecorder}; the UI polls the panel's draw status.
 *
 * <p>The computation is exactly {@code panel-select --algorithm leximin --seed SEED --alternates}
 * on the pool's files, so anyone with them gets the same panel. LEGACY's minimum probability is
 * estimated beside it (10,000 draws) for the published comparison. The reserve panel that
 * {@code --alternates} draws has k people; the first {@code alternates} of it, in the order of a
 * Fisher–Yates shuffle driven by {@code PublicLottery(seed + "/alternates-order")} (uniformInt(m - i)
 * for i = 0, 1, …), are the alternates, called in that order.
 */
@Component
class DrawRunner {

    private static final Logger log = LoggerFactory.getLogger(DrawRunner.class);

    record Job(long panelId, String seed, String commitment, @Nullable String publicSource, int panelSize,
            int alternates, PoolLoader.Pool pool, Duration timeLimit, String actor) {
    }

    private final DrawRecorder recorder;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "panel-draw");
        t.setDaemon(true);
        return t;
    });

    DrawRunner(DrawRecorder recorder) {
        this.recorder = recorder;
    }

    void submit(Job job) {
        executor.submit(() -> run(job));
    }

    void run(Job job) {
        try {
            long started = System.nanoTime();
            SortitionInstance instance = job.pool().instance(job.panelSize());
            PanelSelection.Result result = PanelSelection.select(instance, PanelSelection.Algorithm.LEXIMIN, job.seed(),
                    LegacySelection.DEFAULT_DRAWS, job.alternates() > 0, job.timeLimit());
            double seconds = (System.nanoTime() - started) / 1e9;
            Double legacyMin = null;
            try {
                legacyMin = LegacySelection.estimate(instance, LegacySelection.DEFAULT_DRAWS,
                        new PublicLottery(job.seed()).nextLong()).minProbability();
            } catch (SortitionException legacyFailed) {
                // quotas too tight for the greedy draw: LEGACY has no figure, LEXIMIN still does
            }
            int[] alternates = alternatesInOrder(result.alternates(), job.seed(), job.alternates());
            recorder.save(job, result.distribution(), result.panel(), alternates, seconds, legacyMin,
                    json(job, result.distribution(), result.panel(), alternates, seconds, legacyMin,
                            result.reserveLottery()));
        } catch (SortitionException e) {
            recorder.fail(job, e.key(), Arrays.stream(e.args()).map(String::valueOf).toList());
        } catch (RuntimeException | LinkageError e) {
            log.error("Draw of panel {} failed", job.panelId(), e);
            recorder.fail(job, "panel.draw.error.failed", java.util.List.of());
        }
    }

    static int[] alternatesInOrder(int[] reserve, String seed, int count) {
        int[] order = reserve.clone();
        PublicLottery lottery = new PublicLottery(seed + "/alternates-order");
        for (int i = 0; i < order.length - 1; i++) {
            int j = i + lottery.uniformInt(order.length - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return Arrays.copyOf(order, Math.min(count, order.length));
    }

    static String json(Job job, PanelDistribution d, int[] panel, int[] alternates, double seconds,
            @Nullable Double legacyMin, @Nullable PublishedLottery reserveLottery) {
        var anon = job.pool().anonIds();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"panel_id\": ").append(job.panelId()).append(",\n");
        sb.append("  \"algorithm\": \"leximin\",\n");
        sb.append("  \"method\": ").append(quote(d.algorithm())).append(",\n");
        sb.append("  \"panel_size\": ").append(job.panelSize()).append(",\n");
        sb.append("  \"n\": ").append(anon.size()).append(",\n");
        sb.append("  \"seed\": ").append(quote(job.seed())).append(",\n");
        sb.append("  \"seed_commitment_sha256\": ").append(quote(job.commitment())).append(",\n");
        sb.append("  \"seed_public_source\": ").append(job.publicSource() == null ? "null" : quote(job.publicSource()))
                .append(",\n");
        sb.append("  \"seconds\": ").append(number(seconds)).append(",\n");
        sb.append("  \"panels_generated\": ").append(d.panelsGenerated()).append(",\n");
        sb.append("  \"converged\": ").append(!(d instanceof CompositionDistribution cd) || cd.converged())
                .append(",\n");
        sb.append("  \"min_probability\": ").append(number(d.minProbability())).append(",\n");
        sb.append("  \"legacy_min_probability\": ").append(legacyMin == null ? "null" : number(legacyMin))
                .append(",\n");
        sb.append("  \"legacy_draws\": ").append(LegacySelection.DEFAULT_DRAWS).append(",\n");
        sb.append("  \"respondent_order\": ").append(ids(anon, null)).append(",\n");
        sb.append("  \"panel\": ").append(ids(anon, panel)).append(",\n");
        sb.append("  \"alternates\": ").append(ids(anon, alternates)).append(",\n");
        sb.append("  \"probabilities\": {");
        double[] p = d.probabilities();
        for (int i = 0; i < p.length; i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(quote(anon.get(i))).append(": ").append(number(p[i]));
        }
        sb.append("\n  },\n");
        sb.append("  \"lottery\": ").append(d instanceof CompositionDistribution cd ? lottery(anon, cd.published()) : "null")
                .append(",\n");
        sb.append("  \"reserve_lottery\": ").append(reserveLottery == null ? "null" : lottery(anon, reserveLottery))
                .append(",\n");
        sb.append("  \"reproduce\": [\n");
        String[] steps = {
            "0. Anyone, from this file alone: java -jar agora.jar panel-replay FILE.json draws panel and alternates"
                + " again from lottery, reserve_lottery and seed, recomputes every probability, and says whether all"
                + " match this file.",
            "1. Check that SHA-256 of the organiser's secret (the part of seed before '|') equals seed_commitment_sha256;"
                + " the part after '|' is the public value announced in seed_public_source.",
            "2. Get categories.csv and respondents.csv of the frozen pool from the organisers (respondents row i is"
                + " respondent_order[i]; they hold declared values, so they are not public).",
            "3. Run: java -jar agora.jar panel-select --algorithm leximin --categories categories.csv"
                + " --respondents respondents.csv --panel-size " + job.panelSize() + " --seed '" + job.seed()
                + "' --alternates --time-limit " + job.timeLimit().toSeconds() + " --output-json out.json",
            "4. out.json's panel ids are row numbers: map them through respondent_order to get panel above.",
            "5. Alternates: shuffle out.json's alternates with PublicLottery(seed + '/alternates-order')"
                + " (Fisher-Yates, j = i + uniformInt(m - i)) and keep the first " + job.alternates() + "."};
        for (int i = 0; i < steps.length; i++) {
            sb.append("    ").append(quote(steps[i])).append(i + 1 < steps.length ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static String ids(java.util.List<String> anon, int @Nullable [] rows) {
        StringBuilder sb = new StringBuilder("[");
        int n = rows == null ? anon.size() : rows.length;
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(anon.get(rows == null ? i : rows[i])));
        }
        return sb.append(']').toString();
    }

    /**
     * A lottery as published: the anonymous ids of each type (in the engine's id order) and each
     * composition's probability, written with Java's shortest round-trip form so the draw repeats
     * bit for bit; a composition lists only the types it takes members from, as [type, count] pairs.
     */
    private static String lottery(java.util.List<String> anon, PublishedLottery lottery) {
        StringBuilder sb = new StringBuilder("{\n    \"types\": [");
        for (int t = 0; t < lottery.types().size(); t++) {
            sb.append(t == 0 ? "\n      " : ",\n      ").append(ids(anon, lottery.types().get(t)));
        }
        sb.append("\n    ],\n    \"support\": [");
        for (int i = 0; i < lottery.support().size(); i++) {
            var wc = lottery.support().get(i);
            sb.append(i == 0 ? "\n      " : ",\n      ").append("{\"probability\": ").append(Double.toString(wc.probability()))
                    .append(", \"counts\": ").append(sparse(wc.counts())).append('}');
        }
        return sb.append("\n    ]\n  }").toString();
    }

    private static String sparse(int[] counts) {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] > 0) {
                sb.append(sb.length() == 1 ? "" : ", ").append('[').append(t).append(", ").append(counts[t]).append(']');
            }
        }
        return sb.append(']').toString();
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.10f", x).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }

    private static String quote(String s) {
        return PanelSelectCommand.quote(s);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
