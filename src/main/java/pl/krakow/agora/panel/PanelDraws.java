package pl.krakow.agora.panel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.panel.sortition.QuotaFeasibility;
import pl.krakow.agora.panel.sortition.SortitionException;

/**
 * The public draw (issue 6, items 4 and 5). The organiser reveals the secret committed to before
 * the pool was frozen (and the announced public value, if any); the seed is the secret, or
 * {@code secret|public value}. The quotas are checked at once (a translated reason, never a solver
 * trace); the lottery is then computed off the request thread ({@link DrawRunner}) and the panel
 * drawn from it; organisers look at the result and publish it, which seats the members.
 */
@Service
public class PanelDraws {

    private final JdbcClient jdbc;
    private final PoolLoader pools;
    private final DrawRunner runner;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration timeLimit;

    PanelDraws(JdbcClient jdbc, PoolLoader pools, DrawRunner runner, CurrentUser currentUser, AuditLog auditLog,
            Clock clock, @Value("${agora.panel.leximin-time-limit:PT2M}") Duration timeLimit) {
        this.jdbc = jdbc;
        this.pools = pools;
        this.runner = runner;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
        this.timeLimit = timeLimit;
    }

    /** The time LEXIMIN may take for the panel (and again for the alternates) before its best lottery is used. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * Starts the draw; returns at once. Refused (translated) when the pool is not frozen, the secret
     * does not match the commitment, the public value is missing, a draw is already running or done,
     * or no panel can meet the quotas.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void startDraw(long panelId, String secret, @Nullable String publicValue) {
        Instant now = clock.instant();
        record Row(String status, @Nullable String commitment, @Nullable String source, int size, int alternates,
                String drawStatus, @Nullable Instant started) {
        }
        Row row = jdbc.sql("SELECT status, seed_commitment, seed_public_source, panel_size, alternates, draw_status,"
                        + " draw_started_at FROM panel_panel WHERE id = :id FOR UPDATE")
                .param("id", panelId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .optional().orElseThrow(() -> new AgoraException("panel.error.not-found"));
        if (!row.status().equals("CLOSED")) {
            throw new AgoraException("panel.draw.error.not-closed");
        }
        boolean stale = row.drawStatus().equals("RUNNING") && row.started() != null
                && row.started().plus(timeLimit.multipliedBy(3)).plusSeconds(120).isBefore(now);
        if (row.drawStatus().equals("RUNNING") && !stale) {
            throw new AgoraException("panel.draw.error.running");
        }
        if (row.commitment() == null || !Panels.sha256(secret == null ? "" : secret).equals(row.commitment())) {
            throw new AgoraException("panel.draw.error.secret");
        }
        String seed = secret;
        if (row.source() != null) {
            if (publicValue == null || publicValue.isBlank()) {
                throw new AgoraException("panel.draw.error.public-value", row.source());
            }
            seed = secret + "|" + publicValue.strip();
        }
        PoolLoader.Pool pool = pools.load(panelId);
        if (pool.size() < row.size()) {
            throw new AgoraException("panel.sortition.error.pool-smaller-than-panel", pool.size(), row.size());
        }
        try {
            QuotaFeasibility.check(pool.instance(row.size()));
        } catch (SortitionException e) {
            QuotaProblem problem = Panels.problemOf(e);
            throw new AgoraException("panel.draw.error.quotas", problem.changes().size());
        }
        jdbc.sql("UPDATE panel_panel SET draw_status = 'RUNNING', draw_started_at = :now, draw_error_key = NULL,"
                        + " draw_error_args = NULL, version = version + 1 WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", panelId).update();
        String actor = currentUser.get().map(u -> u.username()).orElse("system");
        auditLog.record("panel.draw-start", "panel/" + panelId, "pool " + pool.size() + ", seed revealed");
        DrawRunner.Job job = new DrawRunner.Job(panelId, seed, row.commitment(), row.source(), row.size(),
                row.alternates(), pool, timeLimit, actor);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runner.submit(job);
            }
        });
    }

    /** Makes the computed draw public and seats the drawn members in the workspace. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public void publish(long panelId) {
        int updated = jdbc.sql("UPDATE panel_panel SET status = 'PUBLISHED', version = version + 1"
                        + " WHERE id = :id AND status = 'DRAWN'")
                .param("id", panelId).update();
        if (updated == 0) {
            throw new AgoraException("panel.publish.error.not-drawn");
        }
        jdbc.sql("UPDATE panel_draw SET published_at = :now WHERE panel_id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", panelId).update();
        auditLog.record("panel.draw-publish", "panel/" + panelId, "published");
    }

    /** The published draw (anyone), or, before publication, the computed one for organisers only. */
    @Transactional(readOnly = true)
    public Optional<DrawResult> result(long panelId) {
        boolean organiser = currentUser.hasRole(pl.krakow.agora.identity.Role.MODERATOR)
                || currentUser.hasRole(pl.krakow.agora.identity.Role.ADMIN);
        return jdbc.sql("SELECT d.algorithm, d.seed, p.seed_commitment, p.seed_public_source, d.min_probability,"
                        + " d.legacy_min_probability, d.panels_generated, d.converged, d.seconds, d.pool_size,"
                        + " d.drawn_at, d.published_at, d.result_json FROM panel_draw d"
                        + " JOIN panel_panel p ON p.id = d.panel_id WHERE d.panel_id = :id")
                .param("id", panelId)
                .query((rs, i) -> {
                    Timestamp published = rs.getTimestamp(12);
                    double legacy = rs.getDouble(6);
                    Double legacyMin = rs.wasNull() ? null : legacy;
                    return new DrawResult(panelId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), legacyMin, rs.getInt(7), rs.getBoolean(8), rs.getDouble(9), rs.getInt(10),
                            seats(panelId, "MEMBER"), seats(panelId, "ALTERNATE"), probabilities(panelId),
                            rs.getTimestamp(11).toInstant(), published == null ? null : published.toInstant(),
                            rs.getString(13));
                })
                .optional()
                .filter(r -> r.publishedAt() != null || organiser);
    }

    private List<String> seats(long panelId, String kind) {
        return jdbc.sql("SELECT v.anon_id FROM panel_seat s JOIN panel_volunteer v ON v.id = s.volunteer_id"
                        + " WHERE s.panel_id = :p AND s.kind = :k ORDER BY s.position")
                .param("p", panelId).param("k", kind).query(String.class).list();
    }

    private List<DrawResult.Probability> probabilities(long panelId) {
        return jdbc.sql("SELECT anon_id, probability FROM panel_probability WHERE panel_id = :p ORDER BY anon_id")
                .param("p", panelId)
                .query((rs, i) -> new DrawResult.Probability(rs.getString(1), rs.getDouble(2))).list();
    }

    /**
     * The files {@code panel-select} reads, for the pool frozen at the draw: {@code categories.csv} and
     * {@code respondents.csv} (declared values only, row i = the i-th anonymous id of the published
     * order). They hold individual values, so only organisers may download them; anyone else checks
     * the commitment, the seed and the probabilities in the published JSON.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public PoolFiles poolFiles(long panelId) {
        PoolLoader.Pool pool = pools.load(panelId);
        return new PoolFiles(pool.categoriesCsv(), pool.respondentsCsv(), pool.anonIds());
    }

    /** The two CSV files of {@code panel-select} and the anonymous id of each respondents row. */
    public record PoolFiles(String categoriesCsv, String respondentsCsv, List<String> rowAnonIds) {
        public PoolFiles {
            rowAnonIds = List.copyOf(rowAnonIds);
        }
    }
}
