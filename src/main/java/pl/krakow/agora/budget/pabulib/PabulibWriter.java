package pl.krakow.agora.budget.pabulib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link PbFile} in the Pabulib format: UTF-8 without BOM, CRLF line ends (as the
 * Pabulib files do), a cell is quoted only when it holds {@code ;}, {@code "} or a line break.
 * Reading the output gives back an equal {@link PbFile}.
 */
public final class PabulibWriter {

    private static final String EOL = "\r\n";

    private PabulibWriter() {
    }

    public static void write(PbFile file, Path target) throws IOException {
        Files.writeString(target, toText(file), StandardCharsets.UTF_8);
    }

    public static String toText(PbFile file) {
        StringBuilder out = new StringBuilder(64 * (file.votes().size() + file.projects().size() + 32));
        out.append("META").append(EOL).append("key;value").append(EOL);
        for (Map.Entry<String, String> e : file.meta().entrySet()) {
            line(out, List.of(e.getKey(), e.getValue()));
        }
        out.append("PROJECTS").append(EOL);
        line(out, file.projectColumns());
        for (PbProject p : file.projects()) {
            line(out, file.projectColumns().stream().map(c -> projectCell(p, c)).toList());
        }
        out.append("VOTES").append(EOL);
        line(out, file.voteColumns());
        for (PbVote v : file.votes()) {
            line(out, file.voteColumns().stream().map(c -> voteCell(v, c)).toList());
        }
        return out.toString();
    }

    private static String projectCell(PbProject p, String column) {
        String raw = p.fields().get(column);
        return switch (column) {
            case "project_id" -> raw != null && raw.trim().equals(p.id()) ? raw : p.id();
            case "cost" -> raw != null && sameNumber(raw, p.cost()) ? raw : p.cost().toPlainString();
            default -> raw == null ? "" : raw;
        };
    }

    private static String voteCell(PbVote v, String column) {
        String raw = v.fields().get(column);
        if (raw != null) {
            return raw;
        }
        return switch (column) {
            case "voter_id" -> v.voterId();
            case "vote" -> String.join(",", v.projects());
            case "points" -> v.points().stream().map(java.math.BigDecimal::toPlainString)
                    .collect(Collectors.joining(","));
            default -> "";
        };
    }

    private static boolean sameNumber(String raw, java.math.BigDecimal value) {
        try {
            return new java.math.BigDecimal(raw.trim()).compareTo(value) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(quote(cells.get(i)));
        }
        out.append(EOL);
    }

    static String quote(String cell) {
        if (cell.indexOf(';') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
