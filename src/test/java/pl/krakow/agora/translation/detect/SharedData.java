package pl.krakow.agora.translation.detect;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared language-identification texts ({@code <shared>/langid}): system property {@code agora.shared.data},
 * else {@code ../shared/data}, else {@code ../../shared/data}. Absent data skips the test, except on CI
 * ({@code CI=true}), where it fails.
 */
final class SharedData {

    private SharedData() {
    }

    static Path langid() {
        String configured = System.getProperty("agora.shared.data", "").strip();
        List<Path> candidates = configured.isEmpty() || configured.startsWith("${")
                ? List.of(Path.of("../shared/data"), Path.of("../../shared/data"))
                : List.of(Path.of(configured));
        for (Path candidate : candidates) {
            Path langid = candidate.resolve("langid");
            if (Files.isDirectory(langid.resolve("sentences"))) {
                return langid.toAbsolutePath().normalize();
            }
        }
        String message = "shared langid data not found in " + candidates + " (set -Dagora.shared.data=...)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    /** The lines of {@code sentences/pl.txt} and the like. */
    static List<String> lines(String kind, String language) {
        try {
            return Files.readAllLines(langid().resolve(kind).resolve(language + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
