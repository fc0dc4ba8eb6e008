package io.bridgehead.findings;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface FindingRepository extends Repository<Finding, UUID> {

    Finding save(Finding finding);

    Finding saveAndFlush(Finding finding);

    Optional<Finding> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<Finding> findByTenantIdAndProjectIdAndId(UUID tenantId, UUID projectId, UUID id);

    java.util.List<Finding> findByTenantIdAndProjectId(UUID tenantId, UUID projectId);

    /**
     * The finding, locked until the transaction ends: status moves are made under this lock, so two moves of one
     * finding run one after the other and the second sees the first's status.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Finding f where f.tenantId = :tenantId and f.projectId = :projectId and f.id = :id")
    Optional<Finding> lockForMove(UUID tenantId, UUID projectId, UUID id);

    @Query("select coalesce(max(f.ref), 0) from Finding f where f.tenantId = :tenantId and f.projectId = :projectId")
    int lastRef(UUID tenantId, UUID projectId);
}
