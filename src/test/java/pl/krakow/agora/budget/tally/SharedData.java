package pl.krakow.agora.budget.tally;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds shared/data/pb: system property {@code agora.shared.data}, else {@code ../shared/data}
 * or {@code ../../shared/data} relative to the project dir (works from /work/wt/tally and from
 * /work/main). Missing data skips the test, except with env CI=true, where it fails.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path pbDir() {
        String prop = System.getProperty("agora.shared.data");
        Path base = Path.of("").toAbsolutePath();
        Path[] candidates = prop != null
                ? new Path[] {base.resolve(prop)}
                : new Path[] {base.resolve("../shared/data"), base.resolve("../../shared/data")};
        for (Path c : candidates) {
            Path pb = c.resolve("pb").normalize();
            if (Files.isRegularFile(pb.resolve("expected.jsonl"))) {
                return pb;
            }
        }
        String msg = "shared PB data not found (tried agora.shared.data, ../shared/data, ../../shared/data from " + base + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(msg);
        }
        Assumptions.assumeTrue(false, msg);
        return null;
    }

    public static Path pbFile(String name) {
        return pbDir().resolve(name);
    }
}
