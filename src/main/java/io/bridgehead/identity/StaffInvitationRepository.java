package io.bridgehead.identity;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface StaffInvitationRepository extends Repository<StaffInvitation, UUID> {

    StaffInvitation save(StaffInvitation invitation);

    Optional<StaffInvitation> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<StaffInvitation> findByTenantIdAndTokenHash(UUID tenantId, String tokenHash);

    /** Locks the invitation's row, so two simultaneous acceptances of one link cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from StaffInvitation i where i.tenantId = :tenantId and i.tokenHash = :tokenHash")
    Optional<StaffInvitation> lockByTenantIdAndTokenHash(UUID tenantId, String tokenHash);

    @Query("select i from StaffInvitation i where i.tenantId = :tenantId and i.acceptedAt is null"
            + " and i.revokedAt is null order by i.createdAt desc limit 200")
    List<StaffInvitation> findOpen(UUID tenantId);

    @Query("select i from StaffInvitation i where i.tenantId = :tenantId and lower(i.email) = lower(:email)"
            + " and i.acceptedAt is null and i.revokedAt is null")
    List<StaffInvitation> findOpenFor(UUID tenantId, String email);
}
