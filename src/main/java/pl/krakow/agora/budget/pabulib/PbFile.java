package pl.krakow.agora.budget.pabulib;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Pabulib file: META key/values, PROJECTS rows and VOTES rows, each with its header
 * (column order) so that {@link PabulibWriter} reproduces the file.
 */
public record PbFile(Map<String, String> meta,
                     List<String> projectColumns,
                     List<PbProject> projects,
                     List<String> voteColumns,
                     List<PbVote> votes) {

    public PbFile {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        projectColumns = List.copyOf(projectColumns);
        projects = List.copyOf(projects);
        voteColumns = List.copyOf(voteColumns);
        votes = List.copyOf(votes);
    }

    /** META {@code budget}; checked to be a number when the file was read. */
    public BigDecimal budget() {
        return new BigDecimal(meta.get("budget").trim());
    }

    /** META {@code vote_type}; approval when the key is absent (Pabulib's default). */
    public VoteType voteType() {
        String v = meta.get("vote_type");
        if (v == null) {
            return VoteType.APPROVAL;
        }
        VoteType t = VoteType.ofCode(v);
        return t == null ? VoteType.APPROVAL : t;
    }

    /** A META value, if present and not blank. */
    public Optional<String> metaValue(String key) {
        String v = meta.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
