package io.bridgehead.findings;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface FindingTemplateRepository extends Repository<FindingTemplate, UUID> {

    FindingTemplate save(FindingTemplate template);

    void delete(FindingTemplate template);

    Optional<FindingTemplate> findByTenantIdAndId(UUID tenantId, UUID id);

    @Query("select t from FindingTemplate t where t.tenantId = :tenantId"
            + " and (:q is null or lower(t.title) like :q escape '!') order by lower(t.title)")
    Page<FindingTemplate> search(UUID tenantId, String q, Pageable pageable);
}
