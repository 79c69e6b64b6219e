package pl.krakow.agora.panel;

import java.io.InputStream;
import java.io.PrintStream;

import pl.krakow.agora.panel.sortition.PanelSelectCommand;

/** The module's command-line door: {@code panel-select}, run without Spring or a database. */
public final class PanelSelectTool {

    private PanelSelectTool() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return PanelSelectCommand.run(args, in, out, err);
    }
}
