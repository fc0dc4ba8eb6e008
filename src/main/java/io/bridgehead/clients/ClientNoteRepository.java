package io.bridgehead.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ClientNoteRepository extends Repository<ClientNote, UUID> {

    ClientNote save(ClientNote note);

    void delete(ClientNote note);

    Optional<ClientNote> findByTenantIdAndClientIdAndId(UUID tenantId, UUID clientId, UUID id);

    List<ClientNote> findTop200ByTenantIdAndClientIdOrderByCreatedAtDesc(UUID tenantId, UUID clientId);
}
