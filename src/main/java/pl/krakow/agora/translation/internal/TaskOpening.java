package pl.krakow.agora.translation.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pl.krakow.agora.translation.TranslationProperties;

/** Opens a source's translation tasks: one per UI language the text is not written in. */
@Component
public class TaskOpening {

    private final JdbcClient jdbc;
    private final TranslationProperties properties;
    private final Clock clock;

    TaskOpening(JdbcClient jdbc, TranslationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Existing tasks are left as they are (INSERT IGNORE on the unique key), so a retry opens nothing twice. */
    public int open(long sourceId, String language) {
        Timestamp now = Timestamp.from(clock.instant());
        int opened = 0;
        for (String target : properties.uiLanguages()) {
            if (!target.equals(language)) {
                opened += jdbc.sql("""
                        INSERT IGNORE INTO translation_task (source_id, source_language, target_language, status, created_at)
                        VALUES (:source, :from, :to, 'OPEN', :now)""")
                        .param("source", sourceId).param("from", language).param("to", target).param("now", now)
                        .update();
            }
        }
        return opened;
    }
}
