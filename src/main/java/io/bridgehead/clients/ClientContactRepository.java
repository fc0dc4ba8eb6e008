package io.bridgehead.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ClientContactRepository extends Repository<ClientContact, UUID> {

    ClientContact save(ClientContact contact);

    void delete(ClientContact contact);

    Optional<ClientContact> findByTenantIdAndClientIdAndId(UUID tenantId, UUID clientId, UUID id);

    @Query("select c from ClientContact c where c.tenantId = :tenantId and c.clientId = :clientId"
            + " order by c.primary desc, lower(c.fullName) limit 500")
    List<ClientContact> listFor(UUID tenantId, UUID clientId);

    /** Runs before a contact becomes primary: a client has at most one. */
    @Modifying(flushAutomatically = true)
    @Query("update ClientContact c set c.primary = false where c.tenantId = :tenantId and c.clientId = :clientId"
            + " and c.primary = true and c.id <> :keepId")
    int clearPrimaryExcept(UUID tenantId, UUID clientId, UUID keepId);
}
