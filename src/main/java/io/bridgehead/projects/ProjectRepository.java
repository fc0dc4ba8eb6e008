package io.bridgehead.projects;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProjectRepository extends Repository<Project, UUID> {

    /** With a member id, only the projects that user is assigned to (what a Viewer may see). */
    String ASSIGNED_ONLY = " and (:memberId is null or p.id in (select m.projectId from ProjectMember m"
            + " where m.tenantId = :tenantId and m.userId = :memberId))";

    Project save(Project project);

    Optional<Project> findByTenantIdAndId(UUID tenantId, UUID id);

    @Query("select p from Project p where p.tenantId = :tenantId and p.clientId = :clientId and p.visibleToClient"
            + " order by p.createdAt desc, p.id")
    List<Project> visibleToClient(UUID tenantId, UUID clientId);

    @Query("select p from Project p where p.tenantId = :tenantId and p.clientId = :clientId"
            + " and (:status is null or p.status = :status)" + ASSIGNED_ONLY + " order by p.updatedAt desc limit 500")
    List<Project> ofClient(UUID tenantId, UUID clientId, ProjectStatus status, UUID memberId);

    @Query("select p.status, count(p) from Project p where p.tenantId = :tenantId and p.clientId = :clientId"
            + ASSIGNED_ONLY + " group by p.status")
    List<Object[]> countByStatus(UUID tenantId, UUID clientId, UUID memberId);

    @Query("select count(p) from Project p where p.tenantId = :tenantId and p.clientId = :clientId"
            + " and p.status <> io.bridgehead.projects.ProjectStatus.COMPLETED and p.archivedAt is null")
    long countActive(UUID tenantId, UUID clientId);

    @Query("select p from Project p where p.tenantId = :tenantId and p.clientId is null order by p.createdAt desc")
    Page<Project> unassigned(UUID tenantId, Pageable pageable);

    @Query("select p from Project p where p.tenantId = :tenantId and p.id in :ids")
    List<Project> findAllByIds(UUID tenantId, Collection<UUID> ids);

    @Query("select p from Project p where p.tenantId = :tenantId"
            + " and (:clientId is null or p.clientId = :clientId) and (:unassigned = false or p.clientId is null)"
            + " and ((:archived = false and p.archivedAt is null) or (:archived = true and p.archivedAt is not null))"
            + ASSIGNED_ONLY + " order by p.updatedAt desc")
    Page<Project> list(
            UUID tenantId, UUID clientId, boolean unassigned, boolean archived, UUID memberId, Pageable pageable);

    /**
     * {@code pattern} is a LIKE pattern for the lower-cased name (escape character backslash); a name equal to
     * {@code exact} (lower-cased) comes first, so a typed full name is among the first results however many contain it.
     */
    @Query("select new io.bridgehead.projects.ProjectOption(p.id, p.name, p.clientId) from Project p"
            + " where p.tenantId = :tenantId and p.archivedAt is null and lower(p.name) like :pattern escape '\\'"
            + ASSIGNED_ONLY + " order by case when lower(p.name) = :exact then 0 else 1 end, lower(p.name), p.id")
    List<ProjectOption> matching(UUID tenantId, String pattern, String exact, UUID memberId, Pageable pageable);

    void delete(Project project);

    void flush();

    @Query(
            "select distinct p.clientId from Project p where p.tenantId = :tenantId and p.clientId is not null"
                    + " and p.id in (select m.projectId from ProjectMember m where m.tenantId = :tenantId and m.userId = :userId)")
    Set<UUID> clientsOfProjectsAssignedTo(UUID tenantId, UUID userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Project p where p.tenantId = :tenantId and p.clientId = :clientId")
    int deleteAllOfClient(UUID tenantId, UUID clientId);
}
