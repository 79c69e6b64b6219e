package pl.krakow.agora.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again every event whose listener failed (a deadlock, a database restart, a bug fixed
 * since): the event publication registry keeps them as incomplete, and this resubmits those older
 * than the retry delay. Listeners are idempotent, so a repeated delivery does no harm.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);
    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRetry(IncompleteEventPublications incomplete,
            @Value("${agora.events.retry-after:PT20S}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${agora.events.retry-every:PT10S}", initialDelayString = "PT10S")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.getMessage());
        }
    }
}
