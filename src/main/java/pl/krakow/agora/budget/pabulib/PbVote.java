package pl.krakow.agora.budget.pabulib;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the VOTES section: one voter (an empty {@code vote} is still a voter).
 *
 * @param voterId  {@code voter_id}
 * @param projects project ids in ballot order (for ordinal ballots: rank order, best first)
 * @param points   points for {@code projects}, same order; empty when the file has no {@code points} column
 * @param fields   every column verbatim, in header order
 */
public record PbVote(String voterId, List<String> projects, List<BigDecimal> points, Map<String, String> fields) {

    public PbVote {
        Objects.requireNonNull(voterId, "voterId");
        projects = List.copyOf(projects);
        points = List.copyOf(points);
        if (!points.isEmpty() && points.size() != projects.size()) {
            throw new IllegalArgumentException("voter " + voterId + ": " + points.size()
                    + " points for " + projects.size() + " projects");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public boolean hasPoints() {
        return !points.isEmpty();
    }
}
