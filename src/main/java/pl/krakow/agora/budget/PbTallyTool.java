package pl.krakow.agora.budget;

import java.io.InputStream;
import java.io.PrintStream;

import pl.krakow.agora.budget.tally.PbTallyCommand;

/** The module's command-line door: {@code pb-tally}, run without Spring or a database. */
public final class PbTallyTool {

    private PbTallyTool() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return PbTallyCommand.run(args, in, out, err);
    }
}
