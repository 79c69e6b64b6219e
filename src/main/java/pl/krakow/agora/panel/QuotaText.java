package pl.krakow.agora.panel;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pl.krakow.agora.platform.AgoraException;

/**
 * The plain-text form of a panel's categories and schedule, one per line, so that an organiser can
 * type or paste them with the keyboard only:
 * <pre>
 * Wiek: 18–34 2-4; 35–64 3-5; 65+ 1-3
 * 2026-12-10 17:00, Urząd Miasta, sala 201
 * </pre>
 * A category line is {@code name: value min-max; value min-max; …}; a meeting line is
 * {@code yyyy-MM-dd HH:mm, place}. Bad lines are refused with their number.
 */
public final class QuotaText {

    private static final Pattern VALUE = Pattern.compile("(.+?)\\s+(\\d{1,4})\\s*[-–]\\s*(\\d{1,4})");
    private static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private QuotaText() {
    }

    public static List<PanelDefinition.CategorySpec> categories(String text) {
        List<PanelDefinition.CategorySpec> result = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new AgoraException("panel.create.error.category-line", i + 1, line);
            }
            String name = line.substring(0, colon).strip();
            List<PanelDefinition.ValueSpec> values = new ArrayList<>();
            for (String part : line.substring(colon + 1).split(";")) {
                String value = part.strip();
                if (value.isEmpty()) {
                    continue;
                }
                Matcher m = VALUE.matcher(value);
                if (!m.matches()) {
                    throw new AgoraException("panel.create.error.value", i + 1, value);
                }
                values.add(new PanelDefinition.ValueSpec(m.group(1).strip(), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (values.isEmpty()) {
                throw new AgoraException("panel.create.error.category-line", i + 1, line);
            }
            result.add(new PanelDefinition.CategorySpec(name, values));
        }
        return result;
    }

    public static List<PanelDefinition.MeetingSpec> meetings(String text) {
        List<PanelDefinition.MeetingSpec> result = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            try {
                if (comma < 0) {
                    throw new DateTimeParseException("no comma", line, 0);
                }
                LocalDateTime at = LocalDateTime.parse(line.substring(0, comma).strip(), MEETING);
                result.add(new PanelDefinition.MeetingSpec(at, line.substring(comma + 1).strip()));
            } catch (DateTimeParseException e) {
                throw new AgoraException("panel.create.error.meeting-line", i + 1, line);
            }
        }
        return result;
    }

    /** The text form of categories, as {@link #categories} reads it. */
    public static String format(List<PanelDefinition.CategorySpec> categories) {
        StringBuilder sb = new StringBuilder();
        for (PanelDefinition.CategorySpec c : categories) {
            sb.append(c.name()).append(": ");
            for (int i = 0; i < c.values().size(); i++) {
                PanelDefinition.ValueSpec v = c.values().get(i);
                sb.append(i == 0 ? "" : "; ").append(v.name()).append(' ').append(v.min()).append('-').append(v.max());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
