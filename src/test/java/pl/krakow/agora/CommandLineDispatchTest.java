package pl.krakow.agora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CommandLineDispatchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AgoraApplication.dispatch(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pb-tally", "panel-select", "detect-language");
    }

    @Test
    void unknownCommandPrintsUsageAndExitsTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "Usage:");
    }

    @Test
    void springOptionsStartTheWebApplicationNotATool() {
        assertThat(AgoraApplication.isCommandLine("--spring.profiles.active=dev")).isFalse();
        assertThat(AgoraApplication.isCommandLine("--help")).isTrue();
        assertThat(AgoraApplication.isCommandLine("pb-tally")).isTrue();
    }
}
