package pl.krakow.agora.translation.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@link DetectLanguageCommand} in memory with the shared detectors. */
record CommandRunner(int exitCode, String out, String err) {

    static CommandRunner run(String input, String... args) {
        return run(input.getBytes(StandardCharsets.UTF_8), args);
    }

    static CommandRunner run(byte[] input, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = DetectLanguageCommand.run(args, new ByteArrayInputStream(input),
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                SharedDetector.FACTORY);
        return new CommandRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Output lines; a final line terminator does not make an extra empty line. */
    List<String> lines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
    }
}
