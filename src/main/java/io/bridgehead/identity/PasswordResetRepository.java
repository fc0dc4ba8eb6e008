package io.bridgehead.identity;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PasswordResetRepository extends Repository<PasswordReset, UUID> {

    PasswordReset save(PasswordReset reset);

    Optional<PasswordReset> findByTenantIdAndTokenHash(UUID tenantId, String tokenHash);

    /** Locks the link's row, so two simultaneous uses of one link cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PasswordReset r where r.tenantId = :tenantId and r.tokenHash = :tokenHash")
    Optional<PasswordReset> lockByTenantIdAndTokenHash(UUID tenantId, String tokenHash);

    /** A new link, or a completed reset, retires every earlier link of the user. */
    @Modifying
    @Query(
            "update PasswordReset r set r.usedAt = :now where r.tenantId = :tenantId and r.userId = :userId and r.usedAt is null")
    int retireAll(UUID tenantId, UUID userId, Instant now);
}
