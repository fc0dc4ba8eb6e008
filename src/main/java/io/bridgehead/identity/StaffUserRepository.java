package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface StaffUserRepository extends Repository<StaffUser, UUID> {

    StaffUser save(StaffUser user);

    Optional<StaffUser> findByTenantIdAndId(UUID tenantId, UUID id);

    @Query("select u from StaffUser u where u.tenantId = :tenantId and lower(u.email) = lower(:email)")
    Optional<StaffUser> findByTenantIdAndEmail(UUID tenantId, String email);

    /** Installation-wide: only in system scope, to find whose workspace an e-mail belongs to. */
    @Query("select u from StaffUser u where lower(u.email) = lower(:email)")
    Optional<StaffUser> findAnyByEmail(String email);

    @Query("select count(u) > 0 from StaffUser u where lower(u.email) = lower(:email)")
    boolean existsAnyByEmail(String email);

    Page<StaffUser> findByTenantIdOrderByFullNameAsc(UUID tenantId, Pageable pageable);

    @Query("select u from StaffUser u where u.tenantId = :tenantId and u.active = true order by lower(u.fullName)"
            + " limit 1000")
    java.util.List<StaffUser> activeColleagues(UUID tenantId);

    @Query("select u from StaffUser u where u.tenantId = :tenantId and u.id in :ids")
    java.util.List<StaffUser> findAllByIds(UUID tenantId, java.util.Collection<UUID> ids);

    long countByTenantIdAndRoleAndActiveTrue(UUID tenantId, PlatformRole role);
}
