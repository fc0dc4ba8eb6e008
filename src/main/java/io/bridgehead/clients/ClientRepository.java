package io.bridgehead.clients;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ClientRepository extends Repository<Client, UUID> {

    Client save(Client client);

    /** Saves and writes the row at once, for SQL in the same transaction that refers to it. */
    Client saveAndFlush(Client client);

    void delete(Client client);

    Optional<Client> findByTenantIdAndId(UUID tenantId, UUID id);

    /** Serialises archive, delete and work under one client, so none acts on a state another is changing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Client c where c.tenantId = :tenantId and c.id = :id")
    Optional<Client> lockForChange(UUID tenantId, UUID id);

    @Query("select count(c) > 0 from Client c where c.tenantId = :tenantId and lower(c.name) = lower(:name)"
            + " and c.id <> :exceptId")
    boolean nameTaken(UUID tenantId, String name, UUID exceptId);

    @Query("select count(c) from Client c where c.tenantId = :tenantId and c.archivedAt is null")
    long countNotArchived(UUID tenantId);

    @Query("select new io.bridgehead.clients.ClientOption(c.id, c.name) from Client c where c.tenantId = :tenantId"
            + " and c.archivedAt is null order by lower(c.name) limit 1000")
    List<ClientOption> options(UUID tenantId);

    /**
     * {@code pattern} is a LIKE pattern for the lower-cased name (escape character backslash); a name equal to
     * {@code exact} (lower-cased) comes first, so a typed full name is among the first results however many contain it.
     */
    @Query("select new io.bridgehead.clients.ClientOption(c.id, c.name) from Client c where c.tenantId = :tenantId"
            + " and c.archivedAt is null and lower(c.name) like :pattern escape '\\'"
            + " order by case when lower(c.name) = :exact then 0 else 1 end, lower(c.name), c.id")
    List<ClientOption> matching(UUID tenantId, String pattern, String exact, Pageable pageable);

    @Query("select new io.bridgehead.clients.ClientOption(c.id, c.name) from Client c where c.tenantId = :tenantId"
            + " and c.id in :ids and c.archivedAt is null and lower(c.name) like :pattern escape '\\'"
            + " order by case when lower(c.name) = :exact then 0 else 1 end, lower(c.name), c.id")
    List<ClientOption> matchingAmong(
            UUID tenantId, String pattern, String exact, Collection<UUID> ids, Pageable pageable);

    @Query("select new io.bridgehead.clients.ClientOption(c.id, c.name) from Client c where c.tenantId = :tenantId"
            + " and c.id in :ids")
    List<ClientOption> optionsOf(UUID tenantId, Collection<UUID> ids);
}
