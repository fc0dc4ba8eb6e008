package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings lists across the projects the user may see (a Viewer: only the projects they are assigned to), or of one
 * project, filtered, sorted and paged as a {@link FindingQuery} says; and the same list as rows for an export.
 */
@Service
public class FindingSearch {

    /** The most rows an export holds; a note row says when the list had more. */
    public static final int EXPORT_LIMIT = 10_000;

    private final FindingListQuery list;
    private final Projects projects;
    private final Permissions permissions;
    private final Clock clock;

    FindingSearch(FindingListQuery list, Projects projects, Permissions permissions, Clock clock) {
        this.list = list;
        this.projects = projects;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<FindingListing> search(FindingQuery query) {
        permissions.require(Permission.SEE_PROJECTS);
        return list.page(TenantContext.require(), query, visibility(query), today());
    }

    /**
     * Hands each row of the list (all pages, at most {@link #EXPORT_LIMIT}) to {@code sink} while the read is open.
     *
     * @return whether the list was cut at {@link #EXPORT_LIMIT}
     */
    @Transactional(readOnly = true)
    public boolean export(FindingQuery query, Consumer<FindingListing> sink) {
        permissions.require(Permission.SEE_PROJECTS);
        return list.each(TenantContext.require(), query, visibility(query), today(), EXPORT_LIMIT, sink);
    }

    private Optional<UUID> visibility(FindingQuery query) {
        if (query.projectId() != null) {
            projects.get(query.projectId());
        }
        return projects.onlyAssignedTo();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
