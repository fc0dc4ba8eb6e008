package io.bridgehead.tenancy;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates workspaces and reads and changes the current one. */
@Service
public class Workspaces {

    private final WorkspaceRepository workspaces;
    private final ScopedTransactions transactions;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workspaces(
            WorkspaceRepository workspaces,
            ScopedTransactions transactions,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** Whether any workspace exists at all; decides the first-run setup. */
    public boolean anyExist() {
        return transactions.readAsSystem(workspaces::existsAny);
    }

    /**
     * Creates a workspace under the given id; the caller runs this with that id as the current tenant so that the
     * row-level security policy accepts the insert.
     */
    @Transactional
    public WorkspaceView create(UUID id, String name, Plan plan, String slug) {
        if (CurrentActor.get().isPresent()) {
            throw permissions.denied("Workspace setup", "Workspaces are created by the system, not from a request");
        }
        return workspaces
                .save(new Workspace(id, name, slug, plan, Instant.now(clock)))
                .view();
    }

    /** A free slug derived from the name: lower-case ASCII words joined by dashes, suffixed when taken. */
    public String freeSlugFor(String name) {
        String base = slugify(name);
        return transactions.readAsSystem(() -> {
            String candidate = base;
            while (workspaces.existsBySlug(candidate)) {
                candidate = base + "-"
                        + Integer.toString(ThreadLocalRandom.current().nextInt(46656, 1679616), 36);
            }
            return candidate;
        });
    }

    static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workspace" : slug;
    }

    /** The workspace a portal address names, if any. */
    public java.util.Optional<PortalWorkspace> forPortalSlug(String slug) {
        if (slug == null || slug.length() > 63) {
            return java.util.Optional.empty();
        }
        return transactions.readAsSystem(() -> workspaces
                .findBySlug(slug)
                .map(w -> new PortalWorkspace(
                        w.view().id(), w.view().name(), w.view().slug())));
    }

    @Transactional(readOnly = true)
    public WorkspaceView current() {
        UUID id = TenantContext.require();
        return workspaces
                .findById(id)
                .map(Workspace::view)
                .orElseThrow(() -> new IllegalStateException("Unknown workspace"));
    }

    @Transactional
    public WorkspaceView updateSettings(WorkspaceSettings settings) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        Workspace workspace = workspaces.findById(TenantContext.require()).orElseThrow();
        workspace.rename(settings.name().strip());
        workspace.changeIdleTimeout(settings.idleTimeoutMinutes());
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.WORKSPACE_SETTINGS_CHANGED,
                settings.name().strip(),
                "Idle timeout " + settings.idleTimeoutMinutes() + " minutes"));
        return workspace.view();
    }
}
