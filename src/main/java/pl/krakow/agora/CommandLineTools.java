package pl.krakow.agora;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The bridges from {@link AgoraApplication}'s dispatcher to the pure-Java tools of the modules.
 * Each tool lives in its module's algorithm package and starts no Spring context and no database.
 */
final class CommandLineTools {

    private CommandLineTools() {
    }

    static int pbTally(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return pl.krakow.agora.budget.PbTallyTool.run(args, in, out, err);
    }

    static int panelSelect(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return pl.krakow.agora.panel.PanelSelectTool.run(args, in, out, err);
    }

    static int detectLanguage(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return pl.krakow.agora.translation.DetectLanguageTool.run(args, in, out, err);
    }
}
