package io.bridgehead.tenancy;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates workspaces, reads and changes the current one, and resolves portal addresses (slugs) to workspaces. */
@Service
public class Workspaces {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final WorkspaceRepository workspaces;
    private final SlugDirectory slugs;
    private final ScopedTransactions transactions;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workspaces(
            WorkspaceRepository workspaces,
            SlugDirectory slugs,
            ScopedTransactions transactions,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.workspaces = workspaces;
        this.slugs = slugs;
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

    /**
     * A free slug derived from the name: lower-case ASCII words joined by dashes, suffixed when taken, reserved by
     * Bridgehead, or still reserved for the workspace that released it.
     */
    public String freeSlugFor(String name) {
        String base = slugify(name);
        Instant reservedSince = reservedSince();
        return transactions.readAsSystem(() -> {
            String candidate = base;
            while (SlugRules.isReservedWord(candidate)
                    || workspaces.existsBySlug(candidate)
                    || slugs.reservedForAnother(candidate, null, reservedSince)) {
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

    /**
     * The workspace a portal address (slug) leads to, read across workspaces: the one whose slug it is now, or the one
     * that released it less than 30 days ago (then {@link PortalWorkspace#slug()} is the new slug, to redirect to).
     * Case is ignored; anything else is empty.
     */
    public Optional<PortalWorkspace> forPortalSlug(String slug) {
        String wanted = SlugRules.normalised(slug);
        if (!SlugRules.couldBeSlug(wanted)) {
            return Optional.empty();
        }
        Instant reservedSince = reservedSince();
        return transactions.readAsSystem(() -> slugs.resolve(wanted, reservedSince));
    }

    @Transactional(readOnly = true)
    public WorkspaceView current() {
        UUID id = TenantContext.require();
        return workspaces
                .findById(id)
                .map(Workspace::view)
                .orElseThrow(() -> new IllegalStateException("Unknown workspace"));
    }

    /** The portal's idle timeout of a workspace, for a portal sign-in that has no workspace in context yet. */
    public int portalIdleTimeoutMinutes(UUID workspaceId) {
        return transactions.readAs(
                workspaceId,
                () -> workspaces
                        .findById(workspaceId)
                        .map(w -> w.view().portalIdleTimeoutMinutes())
                        .orElseThrow(() -> new IllegalStateException("Unknown workspace")));
    }

    @Transactional
    public WorkspaceView updateSettings(WorkspaceSettings settings) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        Workspace workspace = workspaces.findById(TenantContext.require()).orElseThrow();
        workspace.rename(settings.name().strip());
        workspace.changeIdleTimeouts(settings.idleTimeoutMinutes(), settings.portalIdleTimeoutMinutes());
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.WORKSPACE_SETTINGS_CHANGED,
                settings.name().strip(),
                "Idle timeout " + settings.idleTimeoutMinutes() + " minutes, portal idle timeout "
                        + settings.portalIdleTimeoutMinutes() + " minutes"));
        return workspace.view();
    }

    /**
     * Until when the workspace must wait before changing its slug again; empty when it may change it now (always so
     * before its first change).
     */
    public Optional<Instant> slugChangeLockedUntil(WorkspaceView workspace) {
        if (workspace.slugChangedAt() == null) {
            return Optional.empty();
        }
        // Whole minutes, so the time the page names is never a moment too early.
        Instant until = workspace
                .slugChangedAt()
                .plus(SlugRules.QUIET_PERIOD)
                .plus(59, ChronoUnit.SECONDS)
                .truncatedTo(ChronoUnit.MINUTES);
        return Instant.now(clock).isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Changes the current workspace's slug, and with it the portal address. The old slug stays reserved for this
     * workspace for 30 days (its address keeps leading here); the next change is possible after 30 days. A broken
     * rule throws a {@link RuleViolation} on {@code slug} or {@code confirmed}.
     */
    @Transactional
    public WorkspaceView changeSlug(SlugChange change) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        String slug = SlugRules.normalised(change.slug());
        SlugRules.problem(slug).ifPresent(message -> {
            throw RuleViolation.of("slug", message);
        });
        Workspace workspace = workspaces.findForUpdate(TenantContext.require()).orElseThrow();
        String old = workspace.slug();
        requireChangeable(workspace, slug);
        if (!change.isConfirmed()) {
            throw RuleViolation.of("confirmed", "Tick the box to confirm that the old address stops working.");
        }
        slugs.lock(old, slug);
        requireAvailable(slug, workspace.view().id());
        Instant now = Instant.now(clock);
        workspace.changeSlug(slug, now);
        try {
            workspaces.saveAndFlush(workspace);
        } catch (DataIntegrityViolationException e) {
            // Only a workspace created at this very moment can get here: creation takes no slug lock.
            throw RuleViolation.of("slug", "Another workspace took this address a moment ago. Choose another name.");
        }
        slugs.reclaim(workspace.view().id(), slug);
        slugs.release(workspace.view().id(), old, now);
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.PORTAL_ADDRESS_CHANGED,
                workspace.name(),
                "Slug " + old + " → " + slug + "; " + old + " stays reserved for 30 days"));
        return workspace.view();
    }

    private void requireChangeable(Workspace workspace, String slug) {
        if (slug.equals(workspace.slug())) {
            throw RuleViolation.of("slug", "This is already the workspace's address.");
        }
        slugChangeLockedUntil(workspace.view()).ifPresent(until -> {
            throw RuleViolation.of(
                    "slug",
                    "The address was changed less than 30 days ago. You can change it again from "
                            + MINUTE.format(until) + ".");
        });
    }

    // Read in system scope (another transaction): other workspaces' slugs are invisible under this one's policy.
    private void requireAvailable(String slug, UUID workspaceId) {
        Instant reservedSince = reservedSince();
        transactions.readAsSystem(() -> {
            if (slugs.taken(slug)) {
                throw RuleViolation.of("slug", "This address is taken by another workspace. Choose another name.");
            }
            if (slugs.reservedForAnother(slug, workspaceId, reservedSince)) {
                throw RuleViolation.of(
                        "slug",
                        "Another workspace used this address recently; it stays reserved for that workspace for 30"
                                + " days. Choose another name.");
            }
            return null;
        });
    }

    private Instant reservedSince() {
        return Instant.now(clock).minus(SlugRules.QUIET_PERIOD);
    }

    /** The "from" time the settings page shows for {@link #slugChangeLockedUntil}. */
    static String formatMinute(Instant instant) {
        return MINUTE.format(instant);
    }
}
