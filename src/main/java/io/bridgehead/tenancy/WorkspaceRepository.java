package io.bridgehead.tenancy;

import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface WorkspaceRepository extends Repository<Workspace, UUID> {

    Workspace save(Workspace workspace);

    java.util.Optional<Workspace> findById(UUID id);

    @Query("select count(w) > 0 from Workspace w where w.slug = :slug")
    boolean existsBySlug(String slug);

    java.util.Optional<Workspace> findBySlug(String slug);

    @Query("select count(w) > 0 from Workspace w")
    boolean existsAny();
}
