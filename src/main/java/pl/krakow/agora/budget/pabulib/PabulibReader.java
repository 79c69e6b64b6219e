package pl.krakow.agora.budget.pabulib;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Pabulib {@code .pb} files (format: https://pabulib.org/format; parsing notes in
 * shared/data/pb/README.md): UTF-8 with or without BOM, CRLF or LF line ends, {@code ;}-separated
 * cells that may be quoted with {@code "} (a doubled {@code ""} is a literal quote), sections
 * META, PROJECTS, VOTES, each followed by its header line. Columns other than the required ones
 * are optional and kept verbatim. Every problem is reported as a {@link PabulibFormatException}
 * naming the line.
 */
public final class PabulibReader {

    private enum Section { NONE, META, PROJECTS, VOTES }

    private PabulibReader() {
    }

    public static PbFile read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static PbFile read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public static PbFile read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PabulibFormatException(lineOfFirstBadByte(bytes), "not valid UTF-8 text");
        }
        return parse(text);
    }

    /** Parses the text of a file (a leading BOM is ignored). */
    public static PbFile parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> projectColumns = List.of();
        List<PbProject> projects = new ArrayList<>();
        Map<String, PbProject> projectsById = new HashMap<>();
        List<String> voteColumns = List.of();
        List<PbVote> votes = new ArrayList<>();
        Set<Section> seen = new HashSet<>();
        Map<String, Integer> metaLines = new HashMap<>();

        Section section = Section.NONE;
        List<String> header = null;
        int lineNo = 0;
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int end = pos;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(pos, end);
            lineNo++;
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                pos = end + 2;
            } else {
                pos = end + 1;
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitCells(line, lineNo);
            Section start = sectionStart(cells);
            if (start != null) {
                if (!seen.add(start)) {
                    throw new PabulibFormatException(lineNo, "section " + start + " appears twice");
                }
                section = start;
                header = null;
                continue;
            }
            if (section == Section.NONE) {
                throw new PabulibFormatException(lineNo,
                        "expected a section line META, PROJECTS or VOTES, found \"" + abbreviate(line) + "\"");
            }
            if (header == null) {
                header = readHeader(cells, section, lineNo);
                if (section == Section.PROJECTS) {
                    projectColumns = header;
                } else if (section == Section.VOTES) {
                    voteColumns = header;
                }
                continue;
            }
            if (cells.size() > header.size()) {
                throw new PabulibFormatException(lineNo, cells.size() + " fields but the " + section
                        + " header has " + header.size() + " columns");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            switch (section) {
                case META -> {
                    String key = cells.get(0).trim();
                    if (key.isEmpty()) {
                        throw new PabulibFormatException(lineNo, "empty META key");
                    }
                    if (meta.containsKey(key)) {
                        throw new PabulibFormatException(lineNo, "META key \"" + key + "\" appears twice");
                    }
                    meta.put(key, cells.size() > 1 ? cells.get(1) : "");
                    metaLines.put(key, lineNo);
                }
                case PROJECTS -> {
                    PbProject p = readProject(row, lineNo);
                    if (projectsById.putIfAbsent(p.id(), p) != null) {
                        throw new PabulibFormatException(lineNo, "project \"" + p.id() + "\" appears twice");
                    }
                    projects.add(p);
                }
                case VOTES -> votes.add(readVote(row, projectsById, lineNo, votes.size()));
                default -> throw new IllegalStateException();
            }
        }
        if (!seen.contains(Section.META)) {
            throw new PabulibFormatException(lineNo, "no META section");
        }
        if (!seen.contains(Section.PROJECTS)) {
            throw new PabulibFormatException(lineNo, "no PROJECTS section");
        }
        if (!seen.contains(Section.VOTES)) {
            throw new PabulibFormatException(lineNo, "no VOTES section");
        }
        String budget = meta.get("budget");
        if (budget == null) {
            throw new PabulibFormatException(0, "META has no budget");
        }
        int budgetLine = metaLines.get("budget");
        BigDecimal b = number(budget, "budget", budgetLine);
        if (b.signum() < 0) {
            throw new PabulibFormatException(budgetLine, "negative budget " + budget);
        }
        String voteType = meta.get("vote_type");
        if (voteType != null && !voteType.isBlank() && VoteType.ofCode(voteType) == null) {
            throw new PabulibFormatException(metaLines.get("vote_type"), "unknown vote_type \"" + voteType
                    + "\" (expected approval, choose-1, cumulative, scoring or ordinal)");
        }
        return new PbFile(meta, projectColumns, projects, voteColumns, votes);
    }

    private static Section sectionStart(List<String> cells) {
        for (int i = 1; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return null;
            }
        }
        return switch (cells.get(0).trim().toUpperCase(Locale.ROOT)) {
            case "META" -> Section.META;
            case "PROJECTS" -> Section.PROJECTS;
            case "VOTES" -> Section.VOTES;
            default -> null;
        };
    }

    private static List<String> readHeader(List<String> cells, Section section, int lineNo) {
        List<String> header = new ArrayList<>();
        for (String c : cells) {
            String name = c.trim();
            if (name.isEmpty()) {
                throw new PabulibFormatException(lineNo, "empty column name in the " + section + " header");
            }
            if (header.contains(name)) {
                throw new PabulibFormatException(lineNo, "column \"" + name + "\" appears twice in the "
                        + section + " header");
            }
            header.add(name);
        }
        List<String> required = switch (section) {
            case META -> List.of("key", "value");
            case PROJECTS -> List.of("project_id", "cost");
            case VOTES -> List.of("voter_id", "vote");
            default -> List.of();
        };
        for (String r : required) {
            if (!header.contains(r)) {
                throw new PabulibFormatException(lineNo, "the " + section + " header has no column \"" + r
                        + "\" (found: " + String.join(";", header) + ")");
            }
        }
        return List.copyOf(header);
    }

    private static PbProject readProject(Map<String, String> row, int lineNo) {
        String id = row.get("project_id").trim();
        if (id.isEmpty()) {
            throw new PabulibFormatException(lineNo, "empty project_id");
        }
        BigDecimal cost = number(row.get("cost"), "cost of project " + id, lineNo);
        if (cost.signum() < 0) {
            throw new PabulibFormatException(lineNo, "negative cost of project " + id);
        }
        return new PbProject(id, cost, row);
    }

    private static PbVote readVote(Map<String, String> row, Map<String, PbProject> projects, int lineNo, int index) {
        String voterId = row.get("voter_id").trim();
        if (voterId.isEmpty()) {
            throw new PabulibFormatException(lineNo, "empty voter_id");
        }
        List<String> ids = new ArrayList<>();
        String vote = row.get("vote").trim();
        if (!vote.isEmpty()) {
            Set<String> distinct = new HashSet<>();
            for (String part : vote.split(",", -1)) {
                String id = part.trim();
                if (id.isEmpty()) {
                    throw new PabulibFormatException(lineNo, "empty project id in vote \"" + vote + "\"");
                }
                if (!projects.containsKey(id)) {
                    throw new PabulibFormatException(lineNo, "vote of voter " + voterId
                            + " names unknown project \"" + id + "\"");
                }
                if (!distinct.add(id)) {
                    throw new PabulibFormatException(lineNo, "vote of voter " + voterId
                            + " names project \"" + id + "\" twice");
                }
                ids.add(id);
            }
        }
        List<BigDecimal> points = new ArrayList<>();
        String raw = row.get("points");
        if (raw != null && !raw.isBlank()) {
            for (String part : raw.trim().split(",", -1)) {
                points.add(number(part, "points of voter " + voterId, lineNo));
            }
            if (points.size() != ids.size()) {
                throw new PabulibFormatException(lineNo, "voter " + voterId + " has " + points.size()
                        + " points for " + ids.size() + " projects");
            }
        } else if (raw != null && !ids.isEmpty()) {
            throw new PabulibFormatException(lineNo, "voter " + voterId + " has no points for a non-empty vote");
        }
        return new PbVote(voterId, ids, points, row);
    }

    private static BigDecimal number(String raw, String what, int lineNo) {
        String s = raw == null ? "" : raw.trim();
        try {
            if (s.isEmpty()) {
                throw new NumberFormatException();
            }
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new PabulibFormatException(lineNo, "bad number \"" + s + "\" for " + what);
        }
    }

    /** Splits one line on {@code ;}, honouring {@code "} quotes with {@code ""} as an escaped quote. */
    static List<String> splitCells(String line, int lineNo) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        boolean cellStart = true;
        while (i <= n) {
            if (i == n) {
                cells.add(cur.toString());
                break;
            }
            char c = line.charAt(i);
            if (cellStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new PabulibFormatException(lineNo, "unterminated quoted field");
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            cur.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
                if (i < n && line.charAt(i) != ';') {
                    throw new PabulibFormatException(lineNo, "unexpected text after a closing quote at column " + (i + 1));
                }
                cellStart = false;
                continue;
            }
            if (c == ';') {
                cells.add(cur.toString());
                cur.setLength(0);
                cellStart = true;
            } else {
                cur.append(c);
                cellStart = false;
            }
            i++;
        }
        return cells;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        // Decode line by line to locate the first malformed sequence.
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }
}
