package pl.krakow.agora.panel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.panel.sortition.CompositionDistribution;
import pl.krakow.agora.panel.sortition.PanelDistribution;
import pl.krakow.agora.platform.audit.AuditLog;

/** Writes a finished (or failed) draw in one transaction, from the draw thread. */
@Component
class DrawRecorder {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    DrawRecorder(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    void save(DrawRunner.Job job, PanelDistribution d, int[] panel, int[] alternates, double seconds,
            @Nullable Double legacyMin, String json) {
        long id = job.panelId();
        int updated = jdbc.sql("UPDATE panel_panel SET status = 'DRAWN', draw_status = 'DONE', version = version + 1"
                        + " WHERE id = :id AND status = 'CLOSED' AND draw_status = 'RUNNING'")
                .param("id", id).update();
        if (updated == 0) {
            return; // a stale run that was restarted meanwhile: the newer one decides
        }
        jdbc.sql("INSERT INTO panel_draw (panel_id, algorithm, seed, min_probability, legacy_min_probability,"
                        + " panels_generated, converged, seconds, pool_size, result_json, drawn_at)"
                        + " VALUES (:p, :alg, :seed, :min, :legacy, :panels, :conv, :sec, :n, :json, :now)")
                .param("p", id).param("alg", d.algorithm()).param("seed", job.seed()).param("min", d.minProbability())
                .param("legacy", legacyMin).param("panels", d.panelsGenerated())
                .param("conv", !(d instanceof CompositionDistribution cd) || cd.converged()).param("sec", seconds)
                .param("n", job.pool().size()).param("json", json).param("now", Timestamp.from(clock.instant()))
                .update();
        List<Long> volunteers = job.pool().volunteerIds();
        for (int i = 0; i < panel.length; i++) {
            seat(id, volunteers.get(panel[i]), "MEMBER", i);
        }
        for (int i = 0; i < alternates.length; i++) {
            seat(id, volunteers.get(alternates[i]), "ALTERNATE", i);
        }
        double[] p = d.probabilities();
        for (int i = 0; i < p.length; i++) {
            jdbc.sql("INSERT INTO panel_probability (panel_id, anon_id, probability) VALUES (:p, :a, :x)")
                    .param("p", id).param("a", job.pool().anonIds().get(i)).param("x", p[i]).update();
        }
        auditLog.record(job.actor(), "panel.draw-done", "panel/" + id,
                "leximin min " + d.minProbability() + ", legacy min " + legacyMin + ", " + seconds + " s");
    }

    private void seat(long panelId, long volunteerId, String kind, int position) {
        jdbc.sql("INSERT INTO panel_seat (panel_id, volunteer_id, kind, position) VALUES (:p, :v, :k, :pos)")
                .param("p", panelId).param("v", volunteerId).param("k", kind).param("pos", position).update();
    }

    @Transactional
    void fail(DrawRunner.Job job, String key, List<String> args) {
        jdbc.sql("UPDATE panel_panel SET draw_status = 'FAILED', draw_error_key = :k, draw_error_args = :a,"
                        + " version = version + 1 WHERE id = :id AND draw_status = 'RUNNING'")
                .param("k", key).param("a", String.join("\u001f", args)).param("id", job.panelId()).update();
        auditLog.record(job.actor(), "panel.draw-failed", "panel/" + job.panelId(), key + " " + args);
    }
}
