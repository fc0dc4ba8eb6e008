package io.bridgehead.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no datasource is configured, and points the datasource (application role) and
 * Flyway (owner role) at it. One server per JVM, so every test context of one run shares it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    static final String OWNER_ROLE = "bridgehead_owner";
    static final String APP_ROLE = "bridgehead_app";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static EmbeddedPostgres server;
    private static final String OWNER_PASSWORD = randomSecret();
    private static final String APP_PASSWORD = randomSecret();

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("bridgehead.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        String dataDir = environment.getProperty("bridgehead.embedded-db.data-dir", "./data/postgres");
        String database = environment.getProperty("bridgehead.embedded-db.database", "bridgehead");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("embeddedPostgres", start(dataDir, database, log)));
    }

    /** Starts the JVM's server once; each database name gets its own database (tests use that for a first start). */
    private static synchronized Map<String, Object> start(String dataDir, String database, Log log) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bridgehead.embedded-db.database must be a plain lower-case name");
        }
        try {
            if (server == null) {
                server = startServer(dataDir, log);
            }
            prepareDatabase(database);
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
            Map<String, Object> props = new HashMap<>();
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", APP_ROLE);
            props.put("spring.datasource.password", APP_PASSWORD);
            props.put("spring.flyway.url", url);
            props.put("spring.flyway.user", OWNER_ROLE);
            props.put("spring.flyway.password", OWNER_PASSWORD);
            return props;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres startServer(String dataDir, Log log) throws IOException, SQLException {
        boolean persistent = StringUtils.hasText(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200");
        if (persistent) {
            Path dir = Path.of(dataDir).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            StalePostmaster.recover(dir, log);
            // Kept data must survive a crash: undo the test-speed settings of the embedded server.
            builder.setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres started = builder.start();
        try (Connection c = started.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            ensureRole(s, OWNER_ROLE, OWNER_PASSWORD);
            ensureRole(s, APP_ROLE, APP_PASSWORD);
        }
        log.info("Embedded PostgreSQL ready on port " + started.getPort()
                + (persistent
                        ? " with data in " + Path.of(dataDir).toAbsolutePath().normalize()
                        : " (temporary)"));
        return started;
    }

    /** Creates the database, owned by the owner role, with a schema only the owner may change. */
    private static void prepareDatabase(String database) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (rs.next()) {
                return;
            }
            s.execute("create database " + database + " owner " + OWNER_ROLE);
        }
        try (Connection c = server.getDatabase("postgres", database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("revoke all on schema public from public");
            s.execute("alter schema public owner to " + OWNER_ROLE);
            s.execute("revoke all on database " + database + " from public");
            s.execute("grant connect on database " + database + " to " + APP_ROLE);
        }
    }

    private static void ensureRole(Statement s, String role, String password) throws SQLException {
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            if (!rs.next()) {
                s.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole");
            }
        }
        s.execute("alter role " + role + " with login password '" + password + "'");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
