package io.bridgehead.findings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the bytes of evidence files live. This default keeps them in PostgreSQL, in the evidence row itself (under
 * the same row-level security as the row); an object store can take its place behind these three methods, the
 * metadata staying in {@code finding_evidence}. Callers run inside a transaction with the tenant set.
 */
@Component
class EvidenceBlobStore {

    private final JdbcTemplate jdbc;

    EvidenceBlobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bytes of an evidence row that has just been inserted. */
    void put(UUID tenantId, UUID evidenceId, byte[] content) {
        int updated = jdbc.update(
                "update finding_evidence set content = ? where tenant_id = ? and id = ?",
                content,
                tenantId,
                evidenceId);
        if (updated != 1) {
            throw new IllegalStateException("No evidence row " + evidenceId + " to store content in");
        }
    }

    Optional<byte[]> get(UUID tenantId, UUID evidenceId) {
        List<byte[]> rows = jdbc.query(
                "select content from finding_evidence where tenant_id = ? and id = ? and content is not null",
                (rs, i) -> rs.getBytes(1),
                tenantId,
                evidenceId);
        return rows.stream().findFirst();
    }

    /** Called before the row is deleted; the bytes in the row go with it, so nothing to do here. */
    void delete(UUID tenantId, UUID evidenceId) {
        // An object store would delete its object here.
    }
}
