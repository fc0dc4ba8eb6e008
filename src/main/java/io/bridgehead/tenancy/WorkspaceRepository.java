package io.bridgehead.tenancy;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface WorkspaceRepository extends Repository<Workspace, UUID> {

    Workspace save(Workspace workspace);

    Workspace saveAndFlush(Workspace workspace);

    Optional<Workspace> findById(UUID id);

    /** The workspace row locked until the transaction ends, so two Admins' slug changes cannot both pass the checks. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Workspace w where w.id = :id")
    Optional<Workspace> findForUpdate(UUID id);

    @Query("select count(w) > 0 from Workspace w where w.slug = :slug")
    boolean existsBySlug(String slug);

    @Query("select count(w) > 0 from Workspace w")
    boolean existsAny();
}
