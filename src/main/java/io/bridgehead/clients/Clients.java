package io.bridgehead.clients;

import io.bridgehead.access.Grant;
import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.ActivityEntry;
import io.bridgehead.audit.ActivityFeed;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.images.LogoImage;
import io.bridgehead.shared.images.LogoRejected;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.tenancy.PlanAllowances;
import io.bridgehead.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The firm's clients: list, create, edit, status, archive, restore, delete, within the plan's allowance. */
@Service
public class Clients {

    private final ClientRepository clients;
    private final ClientListQuery listQuery;
    private final ClientProjects projects;
    private final ClientNotes notes;
    private final ActivityFeed activityFeed;
    private final ClientFindings findings;
    private final Permissions permissions;
    private final Workspaces workspaces;
    private final PlanAllowances allowances;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Clients(
            ClientRepository clients,
            ClientListQuery listQuery,
            ClientProjects projects,
            ClientNotes notes,
            ActivityFeed activityFeed,
            ClientFindings findings,
            Permissions permissions,
            Workspaces workspaces,
            PlanAllowances allowances,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clients = clients;
        this.listQuery = listQuery;
        this.projects = projects;
        this.notes = notes;
        this.activityFeed = activityFeed;
        this.findings = findings;
        this.permissions = permissions;
        this.workspaces = workspaces;
        this.allowances = allowances;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ClientListing> list(ClientQuery query) {
        permissions.require(Permission.SEE_CLIENTS);
        return listQuery.run(TenantContext.require(), query, visibleIds());
    }

    @Transactional(readOnly = true)
    public ClientDetails details(UUID clientId) {
        return visible(clientId).details();
    }

    /** The client, for a page whose only purpose is a change (archive confirmation, logo form). */
    @Transactional(readOnly = true)
    public ClientDetails detailsToChange(UUID clientId) {
        permissions.require(Permission.EDIT_CLIENTS);
        return visible(clientId).details();
    }

    @Transactional(readOnly = true)
    public ClientForm editForm(UUID clientId) {
        permissions.require(Permission.EDIT_CLIENTS);
        return visible(clientId).form();
    }

    @Transactional(readOnly = true)
    public List<ClientProject> projectsOf(UUID clientId, String status) {
        visible(clientId);
        return projects.ofClient(clientId, status);
    }

    @Transactional(readOnly = true)
    public List<ClientFindings.SeverityCount> openFindingsOf(UUID clientId) {
        visible(clientId);
        return findings.openBySeverity(clientId);
    }

    @Transactional(readOnly = true)
    public List<ProjectStatusCount> projectCountsOf(UUID clientId) {
        visible(clientId);
        return projects.countByStatus(clientId);
    }

    /** Projects with no client, offered when creating a client. */
    @Transactional(readOnly = true)
    public List<ClientProject> unassignedProjects() {
        permissions.require(Permission.EDIT_CLIENTS);
        return projects.unassigned(200);
    }

    /** What happened to the client and its projects, newest first; a Viewer sees only their projects' part. */
    @Transactional(readOnly = true)
    public List<ActivityEntry> activity(UUID clientId, int page) {
        visible(clientId);
        Set<UUID> visibleProjects = permissions.grant(Permission.SEE_PROJECTS) == Grant.ALL
                ? null
                : projects.ofClient(clientId, null).stream()
                        .map(ClientProject::id)
                        .collect(Collectors.toSet());
        return activityFeed.ofClient(clientId, visibleProjects, page);
    }

    @Transactional(readOnly = true)
    public List<ClientOption> options() {
        permissions.require(Permission.SEE_CLIENTS);
        List<ClientOption> options = clients.options(TenantContext.require());
        Optional<Set<UUID>> visible = visibleIds();
        return visible.map(ids ->
                        options.stream().filter(o -> ids.contains(o.id())).toList())
                .orElse(options);
    }

    /**
     * The clients the user may see, not archived, whose name contains {@code text} in any letter case (all of them for a
     * blank text), by name, at most {@code max}: the options of a type-ahead.
     */
    @Transactional(readOnly = true)
    public List<ClientOption> matching(String text, int max) {
        permissions.require(Permission.SEE_CLIENTS);
        UUID tenant = TenantContext.require();
        String typed = Text.strippedOrEmpty(text);
        String pattern = Text.likeContaining(typed);
        String exact = typed.toLowerCase(Locale.ROOT);
        Optional<Set<UUID>> visible = visibleIds();
        if (visible.isEmpty()) {
            return clients.matching(tenant, pattern, exact, PageRequest.of(0, max));
        }
        return visible.get().isEmpty()
                ? List.of()
                : clients.matchingAmong(tenant, pattern, exact, visible.get(), PageRequest.of(0, max));
    }

    /** Names of the given clients, as far as the user may see them (others are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> clientIds) {
        permissions.require(Permission.SEE_CLIENTS);
        Optional<Set<UUID>> visible = visibleIds();
        List<UUID> wanted = clientIds.stream()
                .filter(id -> id != null && visible.map(ids -> ids.contains(id)).orElse(true))
                .distinct()
                .toList();
        return wanted.isEmpty()
                ? Map.of()
                : clients.optionsOf(TenantContext.require(), wanted).stream()
                        .collect(Collectors.toMap(ClientOption::id, ClientOption::name));
    }

    @Transactional(readOnly = true)
    public ClientAllowance allowance() {
        permissions.require(Permission.SEE_CLIENTS);
        var plan = workspaces.current().plan();
        return new ClientAllowance(
                plan, clients.countNotArchived(TenantContext.require()), allowances.clientLimit(plan));
    }

    /**
     * Creates the client, its first note, its logo and assigned projects, in one transaction. The logo upload (may be
     * null) is checked and re-encoded by {@link LogoImage}; a refused one throws {@link LogoRejected}.
     */
    @Transactional
    public UUID create(ClientForm form, byte[] logoUpload, LogoImage.Crop crop) {
        permissions.require(Permission.EDIT_CLIENTS);
        byte[] logoPng = logoUpload == null ? null : LogoImage.process(logoUpload, crop);
        UUID tenant = TenantContext.require();
        lockAllowance(tenant);
        requireAllowance();
        requireFreeName(tenant, form.name(), null);
        Instant now = Instant.now(clock);
        // Flushed now: the logo below is inserted with plain SQL and refers to the client's row.
        Client client = clients.saveAndFlush(new Client(tenant, form, now));
        if (form.note() != null && !form.note().isBlank()) {
            notes.addFirst(client.id(), form.note());
        }
        if (logoPng != null) {
            jdbc.update(
                    "insert into client_logo (tenant_id, client_id, png, updated_at) values (?, ?, ?, ?)",
                    tenant,
                    client.id(),
                    logoPng,
                    java.sql.Timestamp.from(now));
            client.logoChanged(now);
        }
        if (!form.projectIds().isEmpty()) {
            projects.assign(form.projectIds(), client.id(), client.name());
            client.activeProjects(projects.activeCount(client.id()));
        }
        audit(AuditAction.CLIENT_CREATED, client, null);
        return client.id();
    }

    @Transactional
    public void update(UUID clientId, ClientForm form) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = writable(clientId);
        requireFreeName(TenantContext.require(), form.name(), clientId);
        String before = client.name();
        client.update(form, Instant.now(clock));
        audit(AuditAction.CLIENT_UPDATED, client, before.equals(client.name()) ? null : "Renamed from " + before);
    }

    @Transactional
    public void archive(UUID clientId) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = lockedForChange(clientId);
        if (client.archived()) {
            return;
        }
        client.archive(Instant.now(clock));
        audit(AuditAction.CLIENT_ARCHIVED, client, "Its projects are read-only");
    }

    @Transactional
    public void restore(UUID clientId) {
        permissions.require(Permission.EDIT_CLIENTS);
        lockAllowance(TenantContext.require());
        Client client = visible(clientId);
        if (!client.archived()) {
            return;
        }
        requireAllowance();
        client.restore(Instant.now(clock));
        audit(AuditAction.CLIENT_RESTORED, client, null);
    }

    /** Projects that must be completed (or deleted) before the client can be deleted. */
    @Transactional(readOnly = true)
    public List<ClientProject> deletionBlockers(UUID clientId) {
        permissions.require(Permission.DELETE_CLIENTS);
        visible(clientId);
        return projects.blockingDeletion(clientId);
    }

    /** Deletes the client and everything under it, in one transaction, once the exact name has been typed. */
    @Transactional
    public void delete(UUID clientId, String typedName) {
        permissions.require(Permission.DELETE_CLIENTS);
        Client client = lockedForChange(clientId);
        if (!client.name().equals(typedName)) {
            throw RuleViolation.of("confirmName", "Type the client's name exactly as shown to confirm.");
        }
        List<ClientProject> blockers = projects.blockingDeletion(clientId);
        if (!blockers.isEmpty()) {
            throw new ConflictException("The client still has " + blockers.size()
                    + " project(s) that are not completed. Complete or delete them first.");
        }
        projects.deleteAllOf(clientId);
        clients.delete(client);
        audit(AuditAction.CLIENT_DELETED, client, "Permanently deleted with its contacts, notes, logo and projects");
    }

    Client visible(UUID clientId) {
        permissions.require(Permission.SEE_CLIENTS);
        Client client = clients.findByTenantIdAndId(TenantContext.require(), clientId)
                .orElseThrow(() -> NotFoundException.of("Client", clientId));
        Optional<Set<UUID>> visible = visibleIds();
        if (visible.isPresent() && !visible.get().contains(clientId)) {
            throw NotFoundException.of("Client", clientId);
        }
        return client;
    }

    private Client lockedForChange(UUID clientId) {
        visible(clientId);
        return clients.lockForChange(TenantContext.require(), clientId).orElseThrow();
    }

    /** The client, for a change: refused while it is archived. */
    Client writable(UUID clientId) {
        return requireNotArchived(visible(clientId));
    }

    /** The client, row-locked for a change of its settings: refused while it is archived. */
    Client lockedWritable(UUID clientId) {
        return requireNotArchived(lockedForChange(clientId));
    }

    private static Client requireNotArchived(Client client) {
        if (client.archived()) {
            throw new ConflictException("The client " + client.name() + " is archived. Restore it to make changes.");
        }
        return client;
    }

    private Optional<Set<UUID>> visibleIds() {
        if (permissions.grant(Permission.SEE_CLIENTS) != Grant.CLIENTS_OF_ASSIGNED) {
            return Optional.empty();
        }
        return Optional.of(projects.clientsOfProjectsAssignedTo(
                CurrentActor.get().orElseThrow().userId()));
    }

    /** Serialises client creation per workspace, so two simultaneous creations cannot both take the last place. */
    private void lockAllowance(UUID tenant) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 21))", Object.class, tenant.toString());
    }

    private void requireAllowance() {
        ClientAllowance allowance = allowance();
        if (allowance.reached()) {
            throw RuleViolation.of(
                    "name",
                    "Client limit reached: the " + allowance.plan().label() + " plan allows " + allowance.limit()
                            + " clients. Archive a client or change the plan.");
        }
    }

    private void requireFreeName(UUID tenant, String name, UUID exceptId) {
        if (clients.nameTaken(tenant, name.strip(), exceptId == null ? new UUID(0, 0) : exceptId)) {
            throw RuleViolation.of("name", "A client with this name already exists in this workspace.");
        }
    }

    private void audit(AuditAction action, Client client, String details) {
        String link = action == AuditAction.CLIENT_DELETED ? null : "/clients/" + client.id();
        events.publishEvent(
                AuditEvent.byCurrentActor(action, client.name(), details).about(client.id(), null, link));
    }
}
