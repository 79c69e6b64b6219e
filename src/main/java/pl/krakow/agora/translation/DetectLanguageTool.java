package pl.krakow.agora.translation;

import java.io.InputStream;
import java.io.PrintStream;

import pl.krakow.agora.translation.detect.DetectLanguageCommand;

/** The module's command-line door: {@code detect-language}, run without Spring. */
public final class DetectLanguageTool {

    private DetectLanguageTool() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return DetectLanguageCommand.run(args, in, out, err);
    }
}
