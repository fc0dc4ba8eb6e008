package io.bridgehead.clients;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.images.LogoImage;
import io.bridgehead.shared.images.LogoRejected;
import io.bridgehead.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Client logos: checked, cropped and re-encoded by {@link LogoImage}, stored as 256×256 PNG in PostgreSQL. */
@Service
public class ClientLogos {

    private final Clients clients;
    private final Permissions permissions;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientLogos(
            Clients clients,
            Permissions permissions,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clients = clients;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the logo; throws {@link LogoRejected} with a message for the user when the upload is refused. */
    @Transactional
    public void replace(UUID clientId, byte[] upload, LogoImage.Crop crop) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clients.writable(clientId);
        byte[] png = LogoImage.process(upload, crop);
        Instant now = Instant.now(clock);
        jdbc.update(
                "insert into client_logo (tenant_id, client_id, png, updated_at) values (?, ?, ?, ?)"
                        + " on conflict (tenant_id, client_id) do update set png = excluded.png, updated_at = excluded.updated_at",
                TenantContext.require(),
                clientId,
                png,
                Timestamp.from(now));
        client.logoChanged(now);
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.CLIENT_LOGO_CHANGED, client.name(), "New logo")
                .about(clientId, null, "/clients/" + clientId));
    }

    @Transactional
    public void remove(UUID clientId) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clients.writable(clientId);
        int removed = jdbc.update(
                "delete from client_logo where tenant_id = ? and client_id = ?", TenantContext.require(), clientId);
        if (removed == 0) {
            return;
        }
        client.logoChanged(Instant.now(clock));
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.CLIENT_LOGO_CHANGED, client.name(), "Logo removed")
                .about(clientId, null, "/clients/" + clientId));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> png(UUID clientId) {
        clients.visible(clientId);
        List<byte[]> rows = jdbc.query(
                "select png from client_logo where tenant_id = ? and client_id = ?",
                (rs, i) -> rs.getBytes(1),
                TenantContext.require(),
                clientId);
        return rows.stream().findFirst();
    }
}
