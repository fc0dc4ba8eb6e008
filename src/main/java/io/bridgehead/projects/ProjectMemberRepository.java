package io.bridgehead.projects;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProjectMemberRepository extends Repository<ProjectMember, ProjectMember.Key> {

    ProjectMember save(ProjectMember member);

    void delete(ProjectMember member);

    void flush();

    @Query("select m from ProjectMember m where m.tenantId = :tenantId and m.projectId = :projectId")
    java.util.List<ProjectMember> team(UUID tenantId, UUID projectId);

    @Query("select m from ProjectMember m where m.tenantId = :tenantId and m.projectId = :projectId"
            + " and m.role = io.bridgehead.projects.ProjectRole.OWNER")
    Optional<ProjectMember> owner(UUID tenantId, UUID projectId);

    @Query(
            "select m from ProjectMember m where m.tenantId = :tenantId and m.projectId = :projectId and m.userId = :userId")
    Optional<ProjectMember> find(UUID tenantId, UUID projectId, UUID userId);
}
