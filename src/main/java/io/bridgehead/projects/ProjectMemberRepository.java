package io.bridgehead.projects;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProjectMemberRepository extends Repository<ProjectMember, ProjectMember.Key> {

    ProjectMember save(ProjectMember member);

    @Query(
            "select m from ProjectMember m where m.tenantId = :tenantId and m.projectId = :projectId and m.userId = :userId")
    Optional<ProjectMember> find(UUID tenantId, UUID projectId, UUID userId);
}
