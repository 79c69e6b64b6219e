package pl.krakow.agora.translation.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import pl.krakow.agora.platform.ContentRef;

/**
 * Counts readers who opened a text with no translation into their language, so that translators'
 * queues put the most wanted texts first. Counted in memory and added to the tasks every half
 * minute: a page view never writes to the database, and a lost count (a restart) only changes an
 * order of work, never a result.
 */
@Component
public class ReadDemand {

    record Key(ContentRef content, String language) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    ReadDemand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void wanted(String language, Collection<ContentRef> contents) {
        for (ContentRef content : contents) {
            pending.computeIfAbsent(new Key(content, language), k -> new LongAdder()).increment();
        }
    }

    @Scheduled(fixedDelayString = "${agora.translation.demand-flush:PT30S}")
    public void flush() {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            long reads = adder == null ? 0 : adder.sum();
            if (reads > 0) {
                jdbc.sql("""
                        UPDATE translation_task t JOIN translation_source s ON s.id = t.source_id
                        SET t.wanted_reads = t.wanted_reads + :reads
                        WHERE s.content_module = :module AND s.content_type = :type AND s.content_id = :id
                          AND t.target_language = :language AND t.status IN ('OPEN', 'CLAIMED')""")
                        .param("reads", reads).param("module", key.content().module())
                        .param("type", key.content().type()).param("id", key.content().id())
                        .param("language", key.language()).update();
            }
        }
    }
}
