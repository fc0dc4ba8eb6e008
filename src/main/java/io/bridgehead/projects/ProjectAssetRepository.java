package io.bridgehead.projects;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProjectAssetRepository extends Repository<ProjectAsset, UUID> {

    ProjectAsset save(ProjectAsset asset);

    void delete(ProjectAsset asset);

    @Query("select a from ProjectAsset a where a.tenantId = :tenantId and a.projectId = :projectId"
            + " order by a.kind, lower(a.value) limit 1000")
    List<ProjectAsset> of(UUID tenantId, UUID projectId);

    Optional<ProjectAsset> findByTenantIdAndProjectIdAndId(UUID tenantId, UUID projectId, UUID id);

    @Query("select count(a) > 0 from ProjectAsset a where a.tenantId = :tenantId and a.projectId = :projectId"
            + " and a.kind = :kind and lower(a.value) = lower(:value)")
    boolean exists(UUID tenantId, UUID projectId, AssetKind kind, String value);
}
