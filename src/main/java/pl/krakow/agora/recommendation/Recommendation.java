package pl.krakow.agora.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;


@Entity
@Table(name = "recommendation")
class Recommendation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    @Enumerated(EnumType.STRING)
    private RecommendationKind kind;
    private @Nullable Integer chapter;
    private @Nullable String section;
    private int position;
    private String title;
    private String body;
    private String language;
    @Enumerated(EnumType.STRING)
    private WorkflowStatus status;
    private @Nullable Long authorId;
    private Instant createdAt;
    private Instant statusChangedAt;
    private String searchText;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recommendation_unit", joinColumns = @JoinColumn(name = "recommendation_id"))
    @Column(name = "unit")
    private Set<String> units = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recommendation_target_group", joinColumns = @JoinColumn(name = "recommendation_id"))
    @Column(name = "target_group")
    @Enumerated(EnumType.STRING)
    private Set<TargetGroup> targetGroups = EnumSet.noneOf(TargetGroup.class);

    protected Recommendation() {
    }

    Recommendation(String code, RecommendationKind kind, @Nullable Integer chapter, @Nullable String section,
            int position, String title, String body, String language, WorkflowStatus status, @Nullable Long authorId,
            Instant now) {
        this.code = code;
        this.kind = kind;
        this.chapter = chapter;
        this.section = section;
        this.position = position;
        this.title = title;
        this.body = body;
        this.language = language;
        this.status = status;
        this.authorId = authorId;
        this.createdAt = now;
        this.statusChangedAt = now;
        this.searchText = "";
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    void code(String code) {
        this.code = code;
    }

    RecommendationKind kind() {
        return kind;
    }

    @Nullable Integer chapter() {
        return chapter;
    }

    @Nullable String section() {
        return section;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String language() {
        return language;
    }

    WorkflowStatus status() {
        return status;
    }

    @Nullable Long authorId() {
        return authorId;
    }

    List<String> units() {
        return new ArrayList<>(units);
    }

    List<TargetGroup> targetGroups() {
        return targetGroups.stream().sorted().toList();
    }

    void tag(List<String> units, Set<TargetGroup> groups) {
        this.units.addAll(units);
        this.targetGroups.addAll(groups);
    }

    /** The words the catalogue search finds this by: its own texts and their translations. */
    void indexFor(String... texts) {
        StringBuilder folded = new StringBuilder(code);
        for (String text : texts) {
            folded.append(' ').append(SearchFolding.fold(text));
        }
        this.searchText = folded.toString();
    }

    void moveTo(WorkflowStatus target, Instant when) {
        this.status = target;
        this.statusChangedAt = when;
    }
}
