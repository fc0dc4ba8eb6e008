package io.bridgehead.identity;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PortalUserRepository extends Repository<PortalUser, UUID> {

    PortalUser save(PortalUser user);

    PortalUser saveAndFlush(PortalUser user);

    Optional<PortalUser> findByTenantIdAndId(UUID tenantId, UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from PortalUser u where u.tenantId = :tenantId and u.id = :id")
    Optional<PortalUser> lockById(UUID tenantId, UUID id);

    @Query("select u from PortalUser u where u.tenantId = :tenantId and lower(u.email) = lower(:email)")
    Optional<PortalUser> findByEmail(UUID tenantId, String email);

    @Query("select u from PortalUser u where u.tenantId = :tenantId and u.clientId = :clientId"
            + " order by case when u.status = io.bridgehead.identity.PortalUserStatus.REMOVED then 1 else 0 end,"
            + " lower(u.fullName), u.id limit 500")
    List<PortalUser> ofClient(UUID tenantId, UUID clientId);

    @Query("select u from PortalUser u where u.tenantId = :tenantId and u.clientId = :clientId"
            + " and u.role = io.bridgehead.access.PortalRole.MANAGER"
            + " and u.status = io.bridgehead.identity.PortalUserStatus.ACTIVE")
    List<PortalUser> activeManagers(UUID tenantId, UUID clientId);
}
