package io.bridgehead.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL of its own for a forked application: the test can stop it and start it again on the same port and data
 * directory while the application runs, without touching the server every other test of the JVM shares.
 */
final class FaultDatabase implements AutoCloseable {

    static final String DATABASE = "bridgehead";
    static final String OWNER = "bridgehead_owner";
    static final String OWNER_PASSWORD = "fault-owner-secret";
    static final String APP = "bridgehead_app";
    static final String APP_PASSWORD = "fault-app-secret";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private FaultDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static FaultDatabase create() throws IOException, SQLException {
        FaultDatabase database = new FaultDatabase(Files.createTempDirectory("bridgehead-faults-pg"), freePort());
        database.start();
        database.prepare();
        return database;
    }

    void stop() throws IOException {
        server.close();
        server = null;
    }

    /**
     * Starts the server on the same port and data each time, as after an outage (an empty directory is initialised; a
     * clean-data server would also delete it when stopped).
     */
    void start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /** Owner and application roles and the database, as the embedded mode of the application prepares them. */
    private void prepare() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            s.execute("create role " + APP + " login password '" + APP_PASSWORD + "'");
            s.execute("create database " + DATABASE + " owner " + OWNER);
        }
        try (Connection c = server.getDatabase("postgres", DATABASE).getConnection();
                Statement s = c.createStatement()) {
            s.execute("revoke all on schema public from public");
            s.execute("alter schema public owner to " + OWNER);
            s.execute("revoke all on database " + DATABASE + " from public");
            s.execute("grant connect on database " + DATABASE + " to " + APP);
        }
    }

    /** The application database as superuser: sees every row (no row-level security) and every session. */
    DataSource asSuperuser() {
        return server.getDatabase("postgres", DATABASE);
    }

    /** Command-line arguments that point an application at this database. */
    List<String> applicationArguments() {
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        return List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + APP,
                "--spring.datasource.password=" + APP_PASSWORD,
                "--spring.flyway.url=" + url,
                "--spring.flyway.user=" + OWNER,
                "--spring.flyway.password=" + OWNER_PASSWORD);
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
