package pl.krakow.agora.panel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pl.krakow.agora.panel.sortition.Category;
import pl.krakow.agora.panel.sortition.Feature;
import pl.krakow.agora.panel.sortition.Respondent;
import pl.krakow.agora.panel.sortition.SortitionInstance;

/**
 * Reads a panel's quotas and its current pool (volunteers who have not withdrawn) into the
 * sortition engine's terms. Respondent i is the volunteer with the i-th smallest anonymous id, so
 * that the published order of anonymous ids is the row order of the respondents file.
 */
@Component
class PoolLoader {

    record CategoryRow(long id, String name, List<ValueRow> values) {
    }

    record ValueRow(long id, String name, int min, int max) {
    }

    record Pool(List<CategoryRow> categories, List<Long> volunteerIds, List<String> anonIds, List<int[]> features) {

        int size() {
            return volunteerIds.size();
        }

        List<Category> engineCategories() {
            return categories.stream().map(c -> new Category(c.name(),
                    c.values().stream().map(v -> new Feature(v.name(), v.min(), v.max())).toList())).toList();
        }

        SortitionInstance instance(int panelSize) {
            List<Respondent> respondents = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                respondents.add(new Respondent(i, features.get(i)));
            }
            return new SortitionInstance(engineCategories(), respondents, panelSize);
        }

        /** Volunteers per value, in the order of {@link #categories}. */
        int[][] counts() {
            int[][] counts = new int[categories.size()][];
            for (int c = 0; c < categories.size(); c++) {
                counts[c] = new int[categories.get(c).values().size()];
            }
            for (int[] f : features) {
                for (int c = 0; c < f.length; c++) {
                    counts[c][f[c]]++;
                }
            }
            return counts;
        }

        /** The respondents file of {@code panel-select}: a header of category names, one row per respondent. */
        String respondentsCsv() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.join(",", categories.stream().map(c -> csv(c.name())).toList())).append('\n');
            for (int[] f : features) {
                for (int c = 0; c < f.length; c++) {
                    sb.append(c == 0 ? "" : ",").append(csv(categories.get(c).values().get(f[c]).name()));
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        /** The categories file of {@code panel-select}: {@code category,feature,min,max}. */
        String categoriesCsv() {
            StringBuilder sb = new StringBuilder("category,feature,min,max\n");
            for (CategoryRow c : categories) {
                for (ValueRow v : c.values()) {
                    sb.append(csv(c.name())).append(',').append(csv(v.name())).append(',').append(v.min()).append(',')
                            .append(v.max()).append('\n');
                }
            }
            return sb.toString();
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
        }
    }

    private final JdbcClient jdbc;

    PoolLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CategoryRow> categories(long panelId) {
        Map<Long, CategoryRow> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM panel_category WHERE panel_id = :p ORDER BY position")
                .param("p", panelId)
                .query((rs, i) -> new CategoryRow(rs.getLong(1), rs.getString(2), new ArrayList<>()))
                .list().forEach(c -> byId.put(c.id(), c));
        jdbc.sql("SELECT v.id, v.category_id, v.name, v.min_quota, v.max_quota FROM panel_value v"
                        + " JOIN panel_category c ON c.id = v.category_id WHERE c.panel_id = :p ORDER BY v.position")
                .param("p", panelId)
                .query((rs, i) -> {
                    byId.get(rs.getLong(2)).values()
                            .add(new ValueRow(rs.getLong(1), rs.getString(3), rs.getInt(4), rs.getInt(5)));
                    return null;
                }).list();
        return List.copyOf(byId.values());
    }

    /**
     * The pool's totals per value as counted when the panel's work ended (the declared values
     * themselves are deleted then), in the order of {@code categories}.
     */
    int[][] finalCounts(long panelId, List<CategoryRow> categories) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT v.id, COALESCE(v.final_count, 0) FROM panel_value v JOIN panel_category c"
                        + " ON c.id = v.category_id WHERE c.panel_id = :p")
                .param("p", panelId)
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        int[][] result = new int[categories.size()][];
        for (int c = 0; c < categories.size(); c++) {
            List<ValueRow> values = categories.get(c).values();
            result[c] = new int[values.size()];
            for (int v = 0; v < values.size(); v++) {
                result[c][v] = counts.getOrDefault(values.get(v).id(), 0);
            }
        }
        return result;
    }

    Pool load(long panelId) {
        List<CategoryRow> categories = categories(panelId);
        Map<Long, Integer> categoryIndex = new HashMap<>();
        Map<Long, Integer> valueIndex = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            categoryIndex.put(categories.get(c).id(), c);
            List<ValueRow> values = categories.get(c).values();
            for (int v = 0; v < values.size(); v++) {
                valueIndex.put(values.get(v).id(), v);
            }
        }
        List<Long> ids = new ArrayList<>();
        List<String> anon = new ArrayList<>();
        jdbc.sql("SELECT id, anon_id FROM panel_volunteer WHERE panel_id = :p AND withdrawn_at IS NULL ORDER BY anon_id")
                .param("p", panelId)
                .query((rs, i) -> {
                    ids.add(rs.getLong(1));
                    anon.add(rs.getString(2));
                    return null;
                }).list();
        Map<Long, int[]> features = new HashMap<>();
        for (Long id : ids) {
            int[] f = new int[categories.size()];
            java.util.Arrays.fill(f, -1);
            features.put(id, f);
        }
        jdbc.sql("SELECT vv.volunteer_id, vv.category_id, vv.value_id FROM panel_volunteer_value vv"
                        + " JOIN panel_volunteer v ON v.id = vv.volunteer_id"
                        + " WHERE v.panel_id = :p AND v.withdrawn_at IS NULL")
                .param("p", panelId)
                .query((rs, i) -> {
                    int[] f = features.get(rs.getLong(1));
                    if (f != null) {
                        f[categoryIndex.get(rs.getLong(2))] = valueIndex.get(rs.getLong(3));
                    }
                    return null;
                }).list();
        List<int[]> rows = new ArrayList<>();
        for (Long id : ids) {
            int[] f = features.get(id);
            for (int x : f) {
                if (x < 0) {
                    throw new IllegalStateException("volunteer " + id + " has not declared every category");
                }
            }
            rows.add(f);
        }
        return new Pool(categories, List.copyOf(ids), List.copyOf(anon), List.copyOf(rows));
    }
}
