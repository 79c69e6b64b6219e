package pl.krakow.agora.recommendation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;


/** One row of the public history; written once, never changed. */
@Entity
@Table(name = "recommendation_status_change")
class StatusChangeEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long recommendationId;
    @Enumerated(EnumType.STRING)
    private @Nullable WorkflowStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private WorkflowStatus toStatus;
    private String reason;
    private @Nullable Long changedBy;
    private String changedByName;
    private Instant changedAt;

    protected StatusChangeEntry() {
    }

    StatusChangeEntry(Long recommendationId, @Nullable WorkflowStatus from, WorkflowStatus to, String reason,
            @Nullable Long changedBy, String changedByName, Instant changedAt) {
        this.recommendationId = recommendationId;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.changedAt = changedAt;
    }

    StatusChange toRecord() {
        return new StatusChange(fromStatus, toStatus, reason, changedByName, changedAt);
    }
}
