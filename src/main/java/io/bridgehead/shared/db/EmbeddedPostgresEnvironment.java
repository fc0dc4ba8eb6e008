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
    static final String DATABASE = "bridgehead";

    private static EmbeddedPostgres server;
    private static Map<String, Object> connectionProperties;

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
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", start(dataDir, log)));
    }

    private static synchronized Map<String, Object> start(String dataDir, Log log) {
        if (connectionProperties != null) {
            return connectionProperties;
        }
        try {
            boolean persistent = StringUtils.hasText(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100");
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
            server = builder.start();
            String ownerPassword = randomSecret();
            String appPassword = randomSecret();
            prepareDatabase(ownerPassword, appPassword);
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
            Map<String, Object> props = new HashMap<>();
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", APP_ROLE);
            props.put("spring.datasource.password", appPassword);
            props.put("spring.flyway.url", url);
            props.put("spring.flyway.user", OWNER_ROLE);
            props.put("spring.flyway.password", ownerPassword);
            props.put("bridgehead.embedded-db.owner-role", OWNER_ROLE);
            log.info("Embedded PostgreSQL ready on port " + server.getPort()
                    + (persistent
                            ? " with data in "
                                    + Path.of(dataDir).toAbsolutePath().normalize()
                            : " (temporary)"));
            connectionProperties = props;
            return props;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Creates the owner and application roles and the database; passwords change on every start. */
    private static void prepareDatabase(String ownerPassword, String appPassword) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            ensureRole(s, OWNER_ROLE, ownerPassword);
            ensureRole(s, APP_ROLE, appPassword);
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        }
        try (Connection c = server.getDatabase("postgres", DATABASE).getConnection();
                Statement s = c.createStatement()) {
            s.execute("revoke all on schema public from public");
            s.execute("alter schema public owner to " + OWNER_ROLE);
            s.execute("grant connect on database " + DATABASE + " to " + APP_ROLE);
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
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
