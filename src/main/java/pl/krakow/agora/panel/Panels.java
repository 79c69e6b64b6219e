package pl.krakow.agora.panel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.panel.sortition.QuotaFeasibility;
import pl.krakow.agora.panel.sortition.SortitionException;

/**
 * Panels and their quotas (issue 6, items 1 and 3): organisers create them; anyone reads the rules,
 * the quotas and the pool's composition in aggregate; organisers check the quotas against the pool
 * before any draw, commit to the seed and close the registration.
 */
@Service
public class Panels {

    public static final int MAX_TOPIC = 300;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_PANEL_SIZE = 500;
    public static final int MAX_CATEGORIES = 8;
    public static final int MAX_VALUES = 20;
    public static final int MAX_NAME = 100;
    static final int MIN_TOPIC = 5;

    private static final Pattern CHANGE = Pattern.compile("(lower the minimum|raise the maximum) of (.+) from (\\d+) to (\\d+)");

    private final JdbcClient jdbc;
    private final PoolLoader pools;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Panels(JdbcClient jdbc, PoolLoader pools, CurrentUser currentUser, AuditLog auditLog,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.pools = pools;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a panel, open for registration in its window. Every rule is checked before anything is saved. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public long create(PanelDefinition d, UiLanguage authorLanguage) {
        UserRef author = currentUser.get().orElseThrow();
        String topic = d.topic() == null ? "" : d.topic().strip();
        String description = d.description() == null ? "" : d.description().strip();
        if (topic.length() < MIN_TOPIC || topic.length() > MAX_TOPIC) {
            throw new AgoraException("panel.create.error.topic", MIN_TOPIC, MAX_TOPIC);
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new AgoraException("panel.create.error.description", MAX_DESCRIPTION);
        }
        if (d.panelSize() < 2 || d.panelSize() > MAX_PANEL_SIZE) {
            throw new AgoraException("panel.create.error.size", 2, MAX_PANEL_SIZE);
        }
        if (d.alternates() < 0 || d.alternates() > d.panelSize()) {
            throw new AgoraException("panel.create.error.alternates", d.panelSize());
        }
        if (d.registrationOpens() == null || d.registrationCloses() == null
                || d.registrationCloses().isBefore(d.registrationOpens())) {
            throw new AgoraException("panel.create.error.window");
        }
        if (d.thresholdPercent() < 50 || d.thresholdPercent() > 100) {
            throw new AgoraException("panel.create.error.threshold");
        }
        if (d.quorumPercent() < 1 || d.quorumPercent() > 100) {
            throw new AgoraException("panel.create.error.quorum");
        }
        if (d.categories().isEmpty() || d.categories().size() > MAX_CATEGORIES) {
            throw new AgoraException("panel.create.error.categories", MAX_CATEGORIES);
        }
        Set<String> names = new HashSet<>();
        for (PanelDefinition.CategorySpec c : d.categories()) {
            String name = c.name() == null ? "" : c.name().strip();
            if (name.isEmpty() || name.length() > MAX_NAME || name.contains(":")) {
                throw new AgoraException("panel.create.error.category-name", MAX_NAME);
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new AgoraException("panel.create.error.category-duplicate", name);
            }
            if (c.values().size() < 2 || c.values().size() > MAX_VALUES) {
                throw new AgoraException("panel.create.error.values", name, MAX_VALUES);
            }
            Set<String> values = new HashSet<>();
            int sumMin = 0;
            int sumMax = 0;
            for (PanelDefinition.ValueSpec v : c.values()) {
                String value = v.name() == null ? "" : v.name().strip();
                if (value.isEmpty() || value.length() > MAX_NAME) {
                    throw new AgoraException("panel.create.error.value-name", name, MAX_NAME);
                }
                if (!values.add(value.toLowerCase(Locale.ROOT))) {
                    throw new AgoraException("panel.create.error.value-duplicate", name, value);
                }
                if (v.min() < 0 || v.max() < v.min() || v.max() > d.panelSize()) {
                    throw new AgoraException("panel.create.error.quota", name + ": " + value, v.min(), v.max(),
                            d.panelSize());
                }
                sumMin += v.min();
                sumMax += v.max();
            }
            // the same counting rules as QuotaFeasibility, named here because no pool exists yet
            if (sumMin > d.panelSize()) {
                throw new AgoraException("panel.sortition.error.category-mins-exceed-panel", name, sumMin, d.panelSize());
            }
            if (sumMax < d.panelSize()) {
                throw new AgoraException("panel.sortition.error.category-maxes-below-panel", name, sumMax, d.panelSize());
            }
        }
        if (d.meetings().size() > 50) {
            throw new AgoraException("panel.create.error.meetings");
        }
        for (PanelDefinition.MeetingSpec m : d.meetings()) {
            if (m.startsAt() == null || m.place() == null || m.place().isBlank() || m.place().strip().length() > 300) {
                throw new AgoraException("panel.create.error.meeting");
            }
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO panel_panel (topic, description, language, panel_size, alternates, registration_opens,"
                        + " registration_closes, threshold_percent, quorum_percent, status, created_by, created_at)"
                        + " VALUES (:topic, :description, :language, :size, :alternates, :opens, :closes, :threshold,"
                        + " :quorum, 'REGISTRATION', :by, :now)")
                .param("topic", topic).param("description", description).param("language", authorLanguage.tag())
                .param("size", d.panelSize()).param("alternates", d.alternates())
                .param("opens", Timestamp.from(startOf(d.registrationOpens())))
                .param("closes", Timestamp.from(startOf(d.registrationCloses().plusDays(1))))
                .param("threshold", d.thresholdPercent()).param("quorum", d.quorumPercent())
                .param("by", author.username()).param("now", Timestamp.from(now))
                .update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        int position = 0;
        for (PanelDefinition.CategorySpec c : d.categories()) {
            jdbc.sql("INSERT INTO panel_category (panel_id, position, name) VALUES (:p, :pos, :name)")
                    .param("p", id).param("pos", position++).param("name", c.name().strip()).update();
            long categoryId = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
            int vp = 0;
            for (PanelDefinition.ValueSpec v : c.values()) {
                jdbc.sql("INSERT INTO panel_value (category_id, position, name, min_quota, max_quota)"
                                + " VALUES (:c, :pos, :name, :min, :max)")
                        .param("c", categoryId).param("pos", vp++).param("name", v.name().strip())
                        .param("min", v.min()).param("max", v.max()).update();
            }
        }
        for (PanelDefinition.MeetingSpec m : d.meetings()) {
            jdbc.sql("INSERT INTO panel_meeting (panel_id, starts_at, place) VALUES (:p, :at, :place)")
                    .param("p", id).param("at", Timestamp.from(m.startsAt().atZone(Formats.ZONE).toInstant()))
                    .param("place", m.place().strip()).update();
        }
        events.publishEvent(new ContentSubmitted(new ContentRef("panel", "topic", String.valueOf(id)), topic,
                author.id(), authorLanguage.tag()));
        if (!description.isEmpty()) {
            events.publishEvent(new ContentSubmitted(new ContentRef("panel", "description", String.valueOf(id)),
                    description, author.id(), authorLanguage.tag()));
        }
        auditLog.record("panel.create", "panel/" + id, topic + " (k=" + d.panelSize() + ")");
        return id;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Formats.ZONE).toInstant();
    }

    /** All panels, newest first. */
    @Transactional(readOnly = true)
    public List<PanelSummary> list() {
        return jdbc.sql("SELECT p.id, p.topic, p.status, p.registration_opens, p.registration_closes, p.panel_size,"
                        + " (SELECT COUNT(*) FROM panel_volunteer v WHERE v.panel_id = p.id AND v.withdrawn_at IS NULL)"
                        + " FROM panel_panel p ORDER BY p.id DESC")
                .query((rs, i) -> new PanelSummary(rs.getLong(1), rs.getString(2), PanelStatus.valueOf(rs.getString(3)),
                        day(rs.getTimestamp(4).toInstant()), day(rs.getTimestamp(5).toInstant()).minusDays(1),
                        rs.getInt(6), rs.getInt(7)))
                .list();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(Formats.ZONE).toLocalDate();
    }

    /** The public view of one panel: quotas, aggregate composition of the pool, schedule, draw state. */
    @Transactional(readOnly = true)
    public Optional<PanelOverview> find(long panelId) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT id, topic, description, language, panel_size, alternates, registration_opens,"
                        + " registration_closes, threshold_percent, quorum_percent, status, seed_commitment,"
                        + " seed_public_source, committed_at, draw_status, draw_started_at, draw_error_key,"
                        + " draw_error_args FROM panel_panel WHERE id = :id")
                .param("id", panelId)
                .query((rs, i) -> {
                    Instant opens = rs.getTimestamp(7).toInstant();
                    Instant closes = rs.getTimestamp(8).toInstant();
                    PanelStatus status = PanelStatus.valueOf(rs.getString(11));
                    Timestamp committed = rs.getTimestamp(14);
                    Timestamp started = rs.getTimestamp(16);
                    String args = rs.getString(18);
                    return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), opens, closes, rs.getInt(9), rs.getInt(10), status, rs.getString(12),
                        rs.getString(13), committed == null ? null : committed.toInstant(),
                        DrawStatus.valueOf(rs.getString(15)), started == null ? null : started.toInstant(),
                        rs.getString(17), args == null || args.isEmpty() ? List.of() : List.of(args.split("\u001f", -1))};
                })
                .optional()
                .map(r -> {
                    // after the work ended only the totals counted then are left (the values are deleted)
                    boolean ended = r[10] == PanelStatus.ENDED;
                    PoolLoader.Pool pool = ended ? null : pools.load(panelId);
                    List<PoolLoader.CategoryRow> poolCategories = ended ? pools.categories(panelId) : pool.categories();
                    int[][] counts = ended ? pools.finalCounts(panelId, poolCategories) : pool.counts();
                    int poolSize = !ended ? pool.size() : counts.length == 0 ? 0 : java.util.Arrays.stream(counts[0]).sum();
                    List<PanelOverview.CategoryComposition> categories = new ArrayList<>();
                    for (int c = 0; c < poolCategories.size(); c++) {
                        PoolLoader.CategoryRow cat = poolCategories.get(c);
                        List<PanelOverview.ValueComposition> values = new ArrayList<>();
                        for (int v = 0; v < cat.values().size(); v++) {
                            PoolLoader.ValueRow value = cat.values().get(v);
                            values.add(new PanelOverview.ValueComposition(value.id(), value.name(), value.min(),
                                    value.max(), counts[c][v]));
                        }
                        categories.add(new PanelOverview.CategoryComposition(cat.id(), cat.name(), values));
                    }
                    List<PanelOverview.Meeting> meetings = jdbc.sql(
                                    "SELECT starts_at, place FROM panel_meeting WHERE panel_id = :p ORDER BY starts_at")
                            .param("p", panelId)
                            .query((rs, i) -> new PanelOverview.Meeting(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                            .list();
                    Instant opens = (Instant) r[6];
                    Instant closes = (Instant) r[7];
                    PanelStatus status = (PanelStatus) r[10];
                    boolean open = status == PanelStatus.REGISTRATION && !now.isBefore(opens) && now.isBefore(closes);
                    @SuppressWarnings("unchecked")
                    List<String> errorArgs = (List<String>) r[17];
                    return new PanelOverview((long) r[0], (String) r[1], (String) r[2], (String) r[3], (int) r[4],
                            (int) r[5], day(opens), day(closes).minusDays(1), (int) r[8], (int) r[9], status, open,
                            (String) r[11], (String) r[12], (Instant) r[13], (DrawStatus) r[14], (Instant) r[15],
                            (String) r[16], errorArgs, poolSize, categories, meetings);
                });
    }

    /**
     * Whether a panel can meet every quota with the pool as it is now. Empty if it can; otherwise the
     * reason, naming the categories and values in conflict (issue 6, item 3).
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<QuotaProblem> checkQuotas(long panelId) {
        PanelOverview panel = find(panelId).orElseThrow(() -> new AgoraException("panel.error.not-found"));
        PoolLoader.Pool pool = pools.load(panelId);
        if (pool.size() < panel.panelSize()) {
            return Optional.of(new QuotaProblem("panel.sortition.error.pool-smaller-than-panel",
                    List.of(pool.size(), panel.panelSize()), List.of()));
        }
        try {
            QuotaFeasibility.check(pool.instance(panel.panelSize()));
            return Optional.empty();
        } catch (SortitionException e) {
            return Optional.of(problemOf(e));
        }
    }

    /** The engine's error in the panel's terms: its key, and the suggested quota changes parsed into parts. */
    static QuotaProblem problemOf(SortitionException e) {
        Object[] args = e.args();
        if (e.key().equals("panel.sortition.error.quotas-infeasible") && args.length == 2) {
            List<QuotaProblem.QuotaChange> changes = new ArrayList<>();
            for (String part : String.valueOf(args[1]).split("; ")) {
                Matcher m = CHANGE.matcher(part);
                if (m.matches()) {
                    changes.add(new QuotaProblem.QuotaChange(m.group(1).startsWith("lower"),
                            m.group(2).replaceFirst(":", ": "), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4))));
                }
            }
            return new QuotaProblem("panel.sortition.error.quotas-infeasible", List.of(args[0]), changes);
        }
        return new QuotaProblem(e.key(), Arrays.stream(args)
                .map(a -> a instanceof String s ? s.replaceFirst(":", ": ") : a).toList(), List.of());
    }

    /**
     * The organiser commits to the draw's seed before the pool is frozen: only the SHA-256 of a secret
     * they keep is stored and published, optionally with a future public value (for example a lottery
     * result) that will be appended to it. Once made, the commitment cannot be changed.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public String commitSeed(long panelId, String secret, @Nullable String publicSource) {
        String s = secret == null ? "" : secret;
        if (s.strip().length() < 12 || s.length() > 200) {
            throw new AgoraException("panel.seed.error.secret-length", 12, 200);
        }
        String source = publicSource == null || publicSource.isBlank() ? null : publicSource.strip();
        if (source != null && source.length() > 500) {
            throw new AgoraException("panel.seed.error.source-length", 500);
        }
        String hash = sha256(s);
        int updated = jdbc.sql("UPDATE panel_panel SET seed_commitment = :h, seed_public_source = :src,"
                        + " committed_at = :now, version = version + 1"
                        + " WHERE id = :id AND status = 'REGISTRATION' AND seed_commitment IS NULL"
                        + " AND registration_closes > :now")
                .param("h", hash).param("src", source).param("now", Timestamp.from(clock.instant()))
                .param("id", panelId).update();
        if (updated == 0) {
            throw new AgoraException("panel.seed.error.not-allowed");
        }
        auditLog.record("panel.seed-commit", "panel/" + panelId, hash + (source == null ? "" : " + " + source));
        return hash;
    }

    /** Freezes the pool: no registration or withdrawal after this. Requires the seed commitment. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void closeRegistration(long panelId) {
        PanelOverview panel = find(panelId).orElseThrow(() -> new AgoraException("panel.error.not-found"));
        if (panel.seedCommitment() == null) {
            throw new AgoraException("panel.close.error.no-commitment");
        }
        int updated = jdbc.sql("UPDATE panel_panel SET status = 'CLOSED', version = version + 1"
                        + " WHERE id = :id AND status = 'REGISTRATION'")
                .param("id", panelId).update();
        if (updated == 0) {
            throw new AgoraException("panel.close.error.not-open");
        }
        auditLog.record("panel.close", "panel/" + panelId, "pool of " + panel.poolSize());
    }

    /**
     * Ends the panel's work and keeps the consent's promise: every volunteer's declared values,
     * contact and account link are deleted. What was published stays (anonymous ids, probabilities,
     * the draw's file, the votes' results); the workspace closes to members.
     *
     * @return how many volunteers' data was deleted
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public int endWork(long panelId) {
        int updated = jdbc.sql("UPDATE panel_panel SET status = 'ENDED', version = version + 1"
                        + " WHERE id = :id AND status = 'PUBLISHED'")
                .param("id", panelId).update();
        if (updated == 0) {
            throw new AgoraException("panel.end.error.not-published");
        }
        jdbc.sql("UPDATE panel_value pv JOIN panel_category pc ON pc.id = pv.category_id SET pv.final_count ="
                        + " (SELECT COUNT(*) FROM panel_volunteer_value vv JOIN panel_volunteer v ON v.id = vv.volunteer_id"
                        + " WHERE vv.value_id = pv.id AND v.withdrawn_at IS NULL) WHERE pc.panel_id = :id")
                .param("id", panelId).update();
        jdbc.sql("DELETE vv FROM panel_volunteer_value vv JOIN panel_volunteer v ON v.id = vv.volunteer_id"
                        + " WHERE v.panel_id = :id")
                .param("id", panelId).update();
        int volunteers = jdbc.sql("UPDATE panel_volunteer SET contact = NULL, username = NULL WHERE panel_id = :id")
                .param("id", panelId).update();
        auditLog.record("panel.end", "panel/" + panelId, "work ended; personal data of " + volunteers
                + " volunteers deleted");
        return volunteers;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
