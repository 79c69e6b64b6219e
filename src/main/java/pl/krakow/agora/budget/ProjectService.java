package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.FileTypes;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Projects (issue 9, items 2-3): residents submit and edit them during SUBMISSION; moderators and
 * administrators assess four aspects with a published justification in REVIEW (all passed:
 * accepted; one failed: rejected); in APPEALS the author of a rejected project appeals once and a
 * moderator decides. Every submitted or edited text publishes {@link ContentSubmitted}.
 */
@Service
public class ProjectService {

    public static final int MAX_TITLE = 200;
    public static final int MIN_TITLE = 5;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MIN_DESCRIPTION = 20;
    public static final int MAX_LOCATION = 300;
    public static final int MAX_COST_ITEMS = 30;
    public static final int MAX_IMAGES = 5;
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    public static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp");
    static final String MODULE = "budget";

    private final JdbcClient jdbc;
    private final EditionStore store;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ProjectService(JdbcClient jdbc, EditionStore store, CurrentUser currentUser, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long submit(long editionId, ProjectDraft draft, List<ProjectImage> images, UiLanguage language) {
        UserRef author = currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
        Edition e = store.edition(editionId);
        if (e.phase() != Phase.SUBMISSION) {
            throw new AgoraException("budget.project.error.not-submission");
        }
        Valid v = validate(e, draft);
        checkImages(images, 0);
        var keys = new GeneratedKeyHolder();
        java.sql.Timestamp now = EditionStore.timestamp(store.now());
        jdbc.sql("""
                INSERT INTO budget_project (edition_id, category_id, title, description, cost, location, language,
                    author_id, status, created_at, updated_at)
                VALUES (:e, :c, :t, :d, :cost, :loc, :lang, :a, 'SUBMITTED', :now, :now)""")
                .param("e", editionId).param("c", draft.categoryId()).param("t", v.title).param("d", v.description)
                .param("cost", v.cost).param("loc", v.location).param("lang", language.tag()).param("a", author.id())
                .param("now", now).update(keys);
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        saveItems(id, draft.costItems());
        saveImages(id, images);
        publish(id, v, author, language);
        audit.record("budget.project.submit", target(id), "edition " + editionId);
        return id;
    }

    /** The author edits until the submission phase ends; new images are added to the old ones. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void edit(long projectId, ProjectDraft draft, List<ProjectImage> newImages, UiLanguage language) {
        UserRef author = currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
        Row row = lock(projectId);
        if (row.authorId == null || row.authorId != author.id()) {
            throw new AgoraException("budget.project.error.not-author");
        }
        Edition e = store.edition(row.editionId);
        if (e.phase() != Phase.SUBMISSION) {
            throw new AgoraException("budget.project.error.not-submission");
        }
        Valid v = validate(e, draft);
        long images = jdbc.sql("SELECT COUNT(*) FROM budget_project_image WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single();
        checkImages(newImages, (int) images);
        jdbc.sql("""
                UPDATE budget_project SET category_id = :c, title = :t, description = :d, cost = :cost, location = :loc,
                    language = :lang, updated_at = :now WHERE id = :id""")
                .param("c", draft.categoryId()).param("t", v.title).param("d", v.description).param("cost", v.cost)
                .param("loc", v.location).param("lang", language.tag())
                .param("now", EditionStore.timestamp(store.now())).param("id", projectId).update();
        jdbc.sql("DELETE FROM budget_cost_item WHERE project_id = :p").param("p", projectId).update();
        saveItems(projectId, draft.costItems());
        saveImages(projectId, newImages);
        publish(projectId, v, author, language);
        audit.record("budget.project.edit", target(projectId), "");
    }

    @Transactional(readOnly = true)
    public List<ProjectDetails> projects(long editionId) {
        store.edition(editionId);
        return jdbc.sql("SELECT id FROM budget_project WHERE edition_id = :e ORDER BY id").param("e", editionId)
                .query(Long.class).list().stream().map(this::details).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProjectDetails> myProjects() {
        long me = currentUser.get().orElseThrow().id();
        return jdbc.sql("SELECT id FROM budget_project WHERE author_id = :a ORDER BY id DESC").param("a", me)
                .query(Long.class).list().stream().map(this::details).toList();
    }

    @Transactional(readOnly = true)
    public ProjectDetails project(long id) {
        return details(id);
    }

    @Transactional(readOnly = true)
    public Optional<ProjectImage> image(long imageId) {
        return jdbc.sql("SELECT file_name, content_type, bytes FROM budget_project_image WHERE id = :id")
                .param("id", imageId)
                .query((rs, n) -> new ProjectImage(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** A review decision on one aspect; the project is accepted when all four passed, rejected when one failed. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public ProjectStatus assess(long projectId, Aspect aspect, boolean passed, String justification) {
        Row row = lock(projectId);
        Edition e = store.edition(row.editionId);
        if (e.phase() != Phase.REVIEW) {
            throw new AgoraException("budget.review.error.not-review");
        }
        String why = justification == null ? "" : justification.strip();
        if (why.length() < 10 || why.length() > 5000) {
            throw new AgoraException("budget.review.error.justification", 10, 5000);
        }
        jdbc.sql("""
                INSERT INTO budget_assessment (project_id, aspect, passed, justification, assessor, assessed_at)
                VALUES (:p, :a, :ok, :j, :by, :at)
                ON DUPLICATE KEY UPDATE passed = VALUES(passed), justification = VALUES(justification),
                    assessor = VALUES(assessor), assessed_at = VALUES(assessed_at)""")
                .param("p", projectId).param("a", aspect.name()).param("ok", passed).param("j", why)
                .param("by", AuditActor.name()).param("at", EditionStore.timestamp(store.now())).update();
        List<Boolean> results = jdbc.sql("SELECT passed FROM budget_assessment WHERE project_id = :p")
                .param("p", projectId).query(Boolean.class).list();
        ProjectStatus status = results.contains(Boolean.FALSE) ? ProjectStatus.REJECTED
                : results.size() == Aspect.values().length ? ProjectStatus.ACCEPTED : ProjectStatus.SUBMITTED;
        setStatus(projectId, status);
        audit.record("budget.project.assess", target(projectId), aspect + " " + (passed ? "passed" : "failed"));
        return status;
    }

    /** The author appeals a rejection, once, during APPEALS. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void appeal(long projectId, String text) {
        UserRef author = currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
        Row row = lock(projectId);
        if (row.authorId == null || row.authorId != author.id()) {
            throw new AgoraException("budget.project.error.not-author");
        }
        if (store.edition(row.editionId).phase() != Phase.APPEALS) {
            throw new AgoraException("budget.appeal.error.not-appeals");
        }
        if (row.status != ProjectStatus.REJECTED
                || jdbc.sql("SELECT COUNT(*) FROM budget_appeal WHERE project_id = :p").param("p", projectId)
                        .query(Long.class).single() > 0) {
            throw new AgoraException("budget.appeal.error.not-rejected");
        }
        String why = text == null ? "" : text.strip();
        if (why.length() < 10 || why.length() > 5000) {
            throw new AgoraException("budget.review.error.justification", 10, 5000);
        }
        jdbc.sql("INSERT INTO budget_appeal (project_id, text, filed_at) VALUES (:p, :t, :at)")
                .param("p", projectId).param("t", why).param("at", EditionStore.timestamp(store.now())).update();
        setStatus(projectId, ProjectStatus.APPEALED);
        audit.record("budget.project.appeal", target(projectId), "");
    }

    /** The decision on an appeal: upheld puts the project on the ballot, dismissed keeps it rejected. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void decideAppeal(long projectId, boolean upheld, String justification) {
        Row row = lock(projectId);
        if (store.edition(row.editionId).phase() != Phase.APPEALS) {
            throw new AgoraException("budget.appeal.error.not-appeals");
        }
        if (row.status != ProjectStatus.APPEALED) {
            throw new AgoraException("budget.appeal.error.none");
        }
        String why = justification == null ? "" : justification.strip();
        if (why.length() < 10 || why.length() > 5000) {
            throw new AgoraException("budget.review.error.justification", 10, 5000);
        }
        jdbc.sql("""
                UPDATE budget_appeal SET decision = :d, decision_text = :t, decided_by = :by, decided_at = :at
                WHERE project_id = :p""")
                .param("d", upheld ? "UPHELD" : "DISMISSED").param("t", why).param("by", AuditActor.name())
                .param("at", EditionStore.timestamp(store.now())).param("p", projectId).update();
        setStatus(projectId, upheld ? ProjectStatus.ACCEPTED : ProjectStatus.REJECTED);
        audit.record("budget.project.appeal-decided", target(projectId), upheld ? "upheld" : "dismissed");
    }

    /** For the demo seeder and tests: a project already accepted (as after review), outside the phase rules. */
    long addAcceptedProject(long editionId, String title, String description, String language, BigDecimal cost,
            @Nullable Long categoryId) {
        var keys = new GeneratedKeyHolder();
        java.sql.Timestamp now = EditionStore.timestamp(store.now());
        jdbc.sql("""
                INSERT INTO budget_project (edition_id, category_id, title, description, cost, location, language,
                    author_id, status, created_at, updated_at)
                VALUES (:e, :c, :t, :d, :cost, NULL, :lang, NULL, 'ACCEPTED', :now, :now)""")
                .param("e", editionId).param("c", categoryId).param("t", title).param("d", description)
                .param("cost", cost).param("lang", language).param("now", now).update(keys);
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        jdbc.sql("INSERT INTO budget_cost_item (project_id, position, label, amount) VALUES (:p, 0, :l, :a)")
                .param("p", id).param("l", title).param("a", cost).update();
        return id;
    }

    public static ContentRef titleRef(long projectId) {
        return new ContentRef(MODULE, "project-title", String.valueOf(projectId));
    }

    public static ContentRef descriptionRef(long projectId) {
        return new ContentRef(MODULE, "project-text", String.valueOf(projectId));
    }

    private record Valid(String title, String description, BigDecimal cost, @Nullable String location) {
    }

    private record Row(long editionId, @Nullable Long authorId, ProjectStatus status) {
    }

    private Row lock(long projectId) {
        return jdbc.sql("SELECT edition_id, author_id, status FROM budget_project WHERE id = :id FOR UPDATE")
                .param("id", projectId)
                .query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        ProjectStatus.valueOf(rs.getString(3))))
                .optional().orElseThrow(() -> new AgoraException("budget.project.error.none"));
    }

    private void setStatus(long projectId, ProjectStatus status) {
        jdbc.sql("UPDATE budget_project SET status = :s, updated_at = :now WHERE id = :id")
                .param("s", status.name()).param("now", EditionStore.timestamp(store.now())).param("id", projectId)
                .update();
    }

    private Valid validate(Edition e, ProjectDraft d) {
        String title = d.title() == null ? "" : d.title().strip();
        if (title.length() < MIN_TITLE || title.length() > MAX_TITLE) {
            throw new AgoraException("budget.project.error.title", MIN_TITLE, MAX_TITLE);
        }
        String description = d.description() == null ? "" : d.description().strip();
        if (description.length() < MIN_DESCRIPTION || description.length() > MAX_DESCRIPTION) {
            throw new AgoraException("budget.project.error.description", MIN_DESCRIPTION, MAX_DESCRIPTION);
        }
        if (d.costItems().isEmpty() || d.costItems().size() > MAX_COST_ITEMS) {
            throw new AgoraException("budget.project.error.cost-items", MAX_COST_ITEMS);
        }
        BigDecimal cost = BigDecimal.ZERO;
        for (CostItem item : d.costItems()) {
            String label = item.label() == null ? "" : item.label().strip();
            if (label.isEmpty() || label.length() > 200) {
                throw new AgoraException("budget.project.error.cost-label");
            }
            if (item.amount() == null || item.amount().signum() <= 0 || item.amount().scale() > 2) {
                throw new AgoraException("budget.project.error.cost-amount", label);
            }
            cost = cost.add(item.amount());
        }
        BigDecimal limit = e.generalBudget();
        if (d.categoryId() != null) {
            Category c = e.category(d.categoryId());
            if (c == null) {
                throw new AgoraException("budget.project.error.category");
            }
            limit = c.budget();
        }
        if (cost.compareTo(limit) > 0) {
            throw new AgoraException("budget.project.error.over-pool", limit);
        }
        String location = d.location() == null || d.location().isBlank() ? null : d.location().strip();
        if (location != null && location.length() > MAX_LOCATION) {
            throw new AgoraException("budget.project.error.location", MAX_LOCATION);
        }
        return new Valid(title, description, cost, location);
    }

    /** Size, declared type and the file's own first bytes must all agree: a renamed file is refused. */
    static void checkImages(List<ProjectImage> images, int already) {
        if (images.size() + already > MAX_IMAGES) {
            throw new AgoraException("budget.project.error.images-count", MAX_IMAGES);
        }
        for (ProjectImage image : images) {
            byte[] b = image.bytes();
            if (b.length == 0 || b.length > MAX_IMAGE_BYTES) {
                throw new AgoraException("budget.project.error.image-size", MAX_IMAGE_BYTES / (1024 * 1024));
            }
            String sniffed = sniff(b);
            if (sniffed == null || !sniffed.equals(image.contentType())) {
                throw new AgoraException("budget.project.error.image-type");
            }
        }
    }

    static @Nullable String sniff(byte[] b) {
        String type = FileTypes.sniff(b);
        return IMAGE_TYPES.contains(type) ? type : null;
    }

    private void saveItems(long projectId, List<CostItem> items) {
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("INSERT INTO budget_cost_item (project_id, position, label, amount) VALUES (:p, :i, :l, :a)")
                    .param("p", projectId).param("i", i).param("l", items.get(i).label().strip())
                    .param("a", items.get(i).amount()).update();
        }
    }

    private void saveImages(long projectId, List<ProjectImage> images) {
        for (ProjectImage image : images) {
            String name = image.fileName() == null ? "image" : image.fileName();
            jdbc.sql("INSERT INTO budget_project_image (project_id, file_name, content_type, bytes) VALUES (:p, :n, :t, :b)")
                    .param("p", projectId).param("n", name.length() > 200 ? name.substring(0, 200) : name)
                    .param("t", image.contentType()).param("b", image.bytes()).update();
        }
    }

    private void publish(long id, Valid v, UserRef author, UiLanguage language) {
        events.publishEvent(new ContentSubmitted(titleRef(id), v.title, author.id(), language.tag()));
        events.publishEvent(new ContentSubmitted(descriptionRef(id), v.description, author.id(), language.tag()));
    }

    private ProjectDetails details(long id) {
        Long me = currentUser.get().map(UserRef::id).orElse(null);
        return jdbc.sql("SELECT * FROM budget_project WHERE id = :id").param("id", id).query((rs, n) -> {
            Long author = (Long) rs.getObject("author_id", Long.class);
            List<CostItem> items = jdbc.sql("SELECT label, amount FROM budget_cost_item WHERE project_id = :p ORDER BY position")
                    .param("p", id).query((r, i) -> new CostItem(r.getString(1), r.getBigDecimal(2))).list();
            List<Long> images = jdbc.sql("SELECT id FROM budget_project_image WHERE project_id = :p ORDER BY id")
                    .param("p", id).query(Long.class).list();
            List<Assessment> assessments = new ArrayList<>(jdbc.sql(
                    "SELECT aspect, passed, justification, assessed_at FROM budget_assessment WHERE project_id = :p ORDER BY id")
                    .param("p", id).query((r, i) -> new Assessment(Aspect.valueOf(r.getString(1)), r.getBoolean(2),
                            r.getString(3), EditionStore.instant(r, "assessed_at"))).list());
            Appeal appeal = jdbc.sql("SELECT text, filed_at, decision, decision_text FROM budget_appeal WHERE project_id = :p")
                    .param("p", id).query((r, i) -> new Appeal(r.getString(1), EditionStore.instant(r, "filed_at"),
                            r.getString(3), r.getString(4))).optional().orElse(null);
            return new ProjectDetails(id, rs.getLong("edition_id"), rs.getString("title"), rs.getString("description"),
                    rs.getString("language"), rs.getBigDecimal("cost"), items,
                    (Long) rs.getObject("category_id", Long.class), rs.getString("location"),
                    ProjectStatus.valueOf(rs.getString("status")), images, assessments, appeal,
                    me != null && me.equals(author));
        }).optional().orElseThrow(() -> new AgoraException("budget.project.error.none"));
    }

    private static String target(long projectId) {
        return "budget/project/" + projectId;
    }
}
