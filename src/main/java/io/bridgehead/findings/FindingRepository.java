package io.bridgehead.findings;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface FindingRepository extends Repository<Finding, UUID> {

    Finding save(Finding finding);

    Finding saveAndFlush(Finding finding);

    Optional<Finding> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<Finding> findByTenantIdAndProjectIdAndId(UUID tenantId, UUID projectId, UUID id);

    @Query("select f from Finding f where f.tenantId = :tenantId and f.projectId = :projectId"
            + " order by case f.severity when io.bridgehead.findings.Severity.CRITICAL then 0"
            + " when io.bridgehead.findings.Severity.HIGH then 1 when io.bridgehead.findings.Severity.MEDIUM then 2"
            + " when io.bridgehead.findings.Severity.LOW then 3 else 4 end, f.ref")
    Page<Finding> ofProject(UUID tenantId, UUID projectId, Pageable pageable);

    @Query("select coalesce(max(f.ref), 0) from Finding f where f.tenantId = :tenantId and f.projectId = :projectId")
    int lastRef(UUID tenantId, UUID projectId);
}
