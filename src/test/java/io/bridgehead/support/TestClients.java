package io.bridgehead.support;

import io.bridgehead.clients.ClientForm;
import io.bridgehead.clients.ClientStatus;
import io.bridgehead.clients.Clients;
import io.bridgehead.clients.Industry;
import io.bridgehead.projects.ProjectForm;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Clients and projects made through the services, as a signed-in user would make them, and reads of what was stored. */
@Component
public class TestClients {

    private static final Pattern CLIENT_URL = Pattern.compile("/clients/([0-9a-f-]{36})$");

    private final Clients clients;
    private final Projects projects;
    private final ScopedTransactions transactions;
    private final JdbcTemplate jdbc;

    TestClients(Clients clients, Projects projects, ScopedTransactions transactions, JdbcTemplate jdbc) {
        this.clients = clients;
        this.projects = projects;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public static ClientForm form(String name) {
        return form(name, null, ClientStatus.ACTIVE, null);
    }

    public static ClientForm form(String name, Industry industry, ClientStatus status, String externalRef) {
        return new ClientForm(
                name,
                "security@" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".test",
                industry,
                "",
                "",
                "",
                "",
                externalRef == null ? "" : externalRef,
                status,
                "",
                List.of());
    }

    /** Creates the client as the workspace's Admin. */
    public UUID create(TestWorkspace workspace, String name) {
        return create(workspace, form(name));
    }

    public UUID create(TestWorkspace workspace, ClientForm form) {
        return ActingAs.call(workspace, workspace.admin(), () -> clients.create(form, null, null));
    }

    public void archive(TestWorkspace workspace, UUID clientId) {
        ActingAs.run(workspace, workspace.admin(), () -> clients.archive(clientId));
    }

    /** Creates a project as the given user (who becomes its Owner); {@code clientId} may be null. */
    public UUID project(TestWorkspace workspace, TestUser user, String name, UUID clientId, ProjectStatus status) {
        return ActingAs.call(
                workspace,
                user,
                () -> projects.create(new ProjectForm(name, clientId, status, null, null, null, null, null)));
    }

    public UUID project(TestWorkspace workspace, String name, UUID clientId, ProjectStatus status) {
        return project(workspace, workspace.admin(), name, clientId, status);
    }

    /** The client's last activity as stored. */
    public Instant lastActivity(TestWorkspace workspace, UUID clientId) {
        return transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject("select last_activity_at from client where id = ?", Timestamp.class, clientId)
                        .toInstant());
    }

    /** A count read in the workspace's scope, e.g. {@code count(ws, "client_note where client_id = ?", id)}. */
    public long count(TestWorkspace workspace, String fromWhere, Object... args) {
        return transactions.readAs(
                workspace.id(), () -> jdbc.queryForObject("select count(*) from " + fromWhere, Long.class, args));
    }

    public <T> T value(TestWorkspace workspace, Class<T> type, String sql, Object... args) {
        return transactions.readAs(workspace.id(), () -> jdbc.queryForObject(sql, type, args));
    }

    /** The id in a redirect to a client's page. */
    public static UUID idFromRedirect(MvcTestResult result) {
        String location = result.getResponse().getRedirectedUrl();
        if (location == null) {
            throw new AssertionError(
                    "No redirect; status " + result.getResponse().getStatus());
        }
        Matcher matcher = CLIENT_URL.matcher(location);
        if (!matcher.find()) {
            throw new AssertionError("Not a client page: " + location);
        }
        return UUID.fromString(matcher.group(1));
    }

    /** A PNG of the given size, filled with one colour. */
    public static byte[] png(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return encode(image, "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
