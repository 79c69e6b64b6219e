package pl.krakow.agora.budget.pabulib;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the PROJECTS section.
 *
 * @param id     {@code project_id}, compared as a string (ids like "24", "BO.OM.97/24", "P0013")
 * @param cost   exact cost; Pabulib costs may have decimals
 * @param fields every column of the row as written in the file (in header order), including
 *               {@code project_id} and {@code cost}; kept verbatim so a written file keeps its content
 */
public record PbProject(String id, BigDecimal cost, Map<String, String> fields) {

    public PbProject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty project id");
        }
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("negative cost of project " + id);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A column value, or {@code null} when the column is absent or empty. */
    public String field(String column) {
        String v = fields.get(column);
        return v == null || v.isEmpty() ? null : v;
    }
}
