package pl.krakow.agora;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import pl.krakow.agora.budget.PbTallyTool;
import pl.krakow.agora.panel.PanelReplayTool;
import pl.krakow.agora.panel.PanelSelectTool;
import pl.krakow.agora.translation.DetectLanguageTool;

/**
 * Agora's entry point. The command-line tools (the audit surface: anyone can recompute a published
 * result) are dispatched here, before Spring or a database starts; anything else starts the web
 * application.
 */
@SpringBootApplication
@Modulithic(systemName = "Agora", sharedModules = "platform")
@EnableAsync
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AgoraApplication implements AppShellConfigurator {

    /** A command-line tool: arguments after the command name, the three standard streams, an exit code. */
    @FunctionalInterface
    interface Command {
        int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception;
    }

    record CommandEntry(String description, Command command) {
    }

    static Map<String, CommandEntry> commands() {
        Map<String, CommandEntry> commands = new LinkedHashMap<>();
        commands.put("pb-tally", new CommandEntry(
                "tally a Pabulib .pb file with a participatory-budgeting rule (greedy, mes-cost, mes-cost-add1, ...)",
                PbTallyTool::run));
        commands.put("panel-select", new CommandEntry(
                "select a citizens' panel by stratified sortition (leximin, legacy) and print the probabilities",
                PanelSelectTool::run));
        commands.put("panel-replay", new CommandEntry(
                "repeat a published panel draw from its JSON alone and check panel, alternates and probabilities",
                PanelReplayTool::run));
        commands.put("detect-language", new CommandEntry(
                "detect the language of each line read from standard input",
                DetectLanguageTool::run));
        return commands;
    }

    public static void main(String[] args) {
        if (args.length > 0 && isCommandLine(args[0])) {
            System.exit(dispatch(args, System.in, System.out, System.err));
        }
        SpringApplication.run(AgoraApplication.class, args);
    }

    /** Whether the first argument asks for a command-line tool rather than the web application. */
    static boolean isCommandLine(String first) {
        return !first.startsWith("--") || first.equals("--help") || first.equals("-h");
    }

    static int dispatch(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            usage(out);
            return 0;
        }
        CommandEntry entry = commands().get(name);
        if (entry == null) {
            err.println("agora: unknown command '" + name + "'");
            usage(err);
            return 2;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        try {
            return entry.command().run(rest, in, out, err);
        } catch (Exception e) {
            // The tools report their own errors; this is the last line of defence: one line, no stack trace.
            err.println("agora " + name + ": " + e.getMessage());
            return 1;
        }
    }

    static void usage(PrintStream out) {
        out.println("Usage: java -jar agora.jar <command> [options]");
        out.println("       java -Xmx1g -jar agora.jar [--spring.option=value ...]   (starts the web application)");
        out.println();
        out.println("Commands:");
        commands().forEach((name, entry) -> out.printf("  %-16s %s%n", name, entry.description()));
        out.println("  --help           print this help");
        out.println();
        out.println("Each command prints its own options with --help, e.g. java -jar agora.jar pb-tally --help");
    }
}
