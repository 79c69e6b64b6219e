package pl.krakow.agora.forum;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells this node's screens that a session changed, whichever node changed it (issue 7, "Live updates
 * must cross application nodes"). One poller per node reads the versions of the sessions someone
 * here is watching, every {@code agora.forum.feed.poll} (250 ms by default), and calls the watchers
 * of each session whose version rose; a change made on this node arrives at once through
 * {@link SessionChanged} after its commit. The state itself is never kept here: watchers re-read it
 * from the database ({@link LiveSession#state}).
 */
@Component
public class ForumChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(ForumChangeFeed.class);

    private final JdbcClient jdbc;
    private final Map<Long, List<LongConsumer>> watchers = new ConcurrentHashMap<>();
    private final Map<Long, Long> delivered = new ConcurrentHashMap<>();
    /**
     * Watchers are called here, never on the committing or polling thread: a view's re-read (through
     * Vaadin's {@code UI.access}, which runs at once when the UI's session is free) must not hold up
     * the member whose click made the change, nor the next poll.
     */
    private final ExecutorService fanOut;

    public ForumChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
        AtomicInteger threads = new AtomicInteger();
        this.fanOut = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "forum-feed-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        fanOut.shutdownNow();
    }

    /** Whoever watches is called with the new version (on the poller's or the committing thread). */
    public Runnable subscribe(long sessionId, LongConsumer watcher) {
        if (!delivered.containsKey(sessionId)) {
            // the version the watcher's first read will show: only later ones are news
            jdbc.sql("SELECT version FROM forum_session WHERE id = :id").param("id", sessionId).query(Long.class)
                    .optional().ifPresent(v -> delivered.putIfAbsent(sessionId, v));
        }
        watchers.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> {
            List<LongConsumer> list = watchers.get(sessionId);
            if (list != null) {
                list.remove(watcher);
                if (list.isEmpty()) {
                    watchers.remove(sessionId, list);
                }
            }
        };
    }

    /** Watchers on this node, for the benchmark and tests. */
    public int watchers(long sessionId) {
        List<LongConsumer> list = watchers.get(sessionId);
        return list == null ? 0 : list.size();
    }

    @EventListener
    void committedHere(SessionChanged change) {
        deliver(change.sessionId(), change.version());
    }

    /** Reads the watched sessions' versions and calls the watchers of those that changed. */
    @Scheduled(fixedDelayString = "${agora.forum.feed.poll:250}")
    public void poll() {
        Set<Long> watched = watchers.keySet();
        if (watched.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("SELECT id, version FROM forum_session WHERE id IN (:ids)")
                    .param("ids", List.copyOf(watched))
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list()
                    .forEach(v -> deliver(v[0], v[1]));
        } catch (RuntimeException e) {
            log.warn("Forum change feed could not poll: {}", e.toString());
        }
    }

    private void deliver(long sessionId, long version) {
        Long before = delivered.get(sessionId);
        if (before != null && before >= version) {
            return;
        }
        // only the caller that moves the version forward delivers it
        if (before == null ? delivered.putIfAbsent(sessionId, version) != null
                : !delivered.replace(sessionId, before, version)) {
            deliver(sessionId, version);
            return;
        }
        for (LongConsumer watcher : watchers.getOrDefault(sessionId, List.of())) {
            try {
                fanOut.execute(() -> {
                    try {
                        watcher.accept(version);
                    } catch (RuntimeException e) {
                        log.warn("Forum watcher failed: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // shutting down
            }
        }
    }
}
