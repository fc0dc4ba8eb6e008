package io.bridgehead.notifications;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface OutgoingMailRepository extends Repository<OutgoingMail, UUID> {

    OutgoingMail save(OutgoingMail mail);

    Page<OutgoingMail> findByTenantIdOrderByCreatedAtDesc(UUID tenantId, Pageable pageable);
}
