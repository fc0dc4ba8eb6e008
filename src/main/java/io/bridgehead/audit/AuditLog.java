package io.bridgehead.audit;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads the current workspace's audit log. Only this class writes audit rows. */
@Service
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Permissions permissions;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Permissions permissions, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Appends in the caller's transaction; the tenant of the event must be the transaction's workspace. */
    @Transactional
    void append(AuditEvent event) {
        UUID tenant = TenantContext.require();
        if (!tenant.equals(event.tenantId())) {
            throw new IllegalStateException("Audit event for another workspace");
        }
        // Serialises appends per workspace so the chain never forks.
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 7))", Object.class, tenant.toString());
        List<Object[]> last = jdbc.query(
                "select seq, hash from audit_entry where tenant_id = ? order by seq desc limit 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
                tenant);
        long seq = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
        String prevHash = last.isEmpty() ? AuditHash.GENESIS : (String) last.get(0)[1];
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String target = Text.abbreviate(event.target(), 300);
        String details = Text.abbreviate(event.details(), 2000);
        String email = Text.abbreviate(event.actorEmail(), 254);
        AuditSubject subject = event.subject() == null
                ? AuditSubject.NONE
                : new AuditSubject(
                        event.subject().clientId(),
                        event.subject().projectId(),
                        Text.abbreviate(event.subject().link(), 300));
        String hash = AuditHash.of(
                prevHash,
                tenant,
                seq,
                now,
                event.actorId(),
                email,
                event.action().name(),
                target,
                event.origin().ip(),
                event.origin().userAgent(),
                details,
                subject);
        jdbc.update(
                "insert into audit_entry (tenant_id, seq, occurred_at, actor_id, actor_email, action, target, ip,"
                        + " user_agent, details, prev_hash, hash, client_id, project_id, link)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant,
                seq,
                Timestamp.from(now),
                event.actorId(),
                email,
                event.action().name(),
                target,
                event.origin().ip(),
                event.origin().userAgent(),
                details,
                prevHash,
                hash,
                subject.clientId(),
                subject.projectId(),
                subject.link());
    }

    @Transactional(readOnly = true)
    public Page<AuditEntryView> search(AuditQuery query) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(TenantContext.require()));
        if (query.actor() != null) {
            where.append(" and lower(actor_email) like ? escape '\\'");
            args.add(Text.likeContaining(query.actor()));
        }
        if (query.action() != null) {
            where.append(" and action = ?");
            args.add(query.action().name());
        }
        if (query.client() != null) {
            where.append(" and client_id = ?");
            args.add(query.client());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(query.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(AuditQuery.PAGE_SIZE);
        pageArgs.add((long) query.page() * AuditQuery.PAGE_SIZE);
        List<AuditEntryView> rows = jdbc.query(
                "select * from audit_entry" + where + " order by seq desc limit ? offset ?",
                (rs, i) -> view(rs),
                pageArgs.toArray());
        return new PageImpl<>(rows, PageRequest.of(query.page(), AuditQuery.PAGE_SIZE), total);
    }

    /** Recomputes the whole chain of the current workspace, in batches, and names the first entry that fails. */
    @Transactional(readOnly = true)
    public ChainVerification verifyChain() {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        String expectedPrev = AuditHash.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<StoredEntry> batch = jdbc.query(
                    "select * from audit_entry where tenant_id = ? and seq >= ? order by seq limit ?",
                    (rs, i) -> StoredEntry.from(rs),
                    tenant,
                    expectedSeq,
                    VERIFY_BATCH);
            for (StoredEntry entry : batch) {
                String problem = entry.problem(tenant, expectedSeq, expectedPrev);
                if (problem != null) {
                    return new ChainVerification(false, checked, Math.min(entry.seq, expectedSeq), problem);
                }
                expectedPrev = entry.hash;
                expectedSeq++;
                checked++;
            }
            if (batch.size() < VERIFY_BATCH) {
                return new ChainVerification(true, checked, null, null);
            }
        }
    }

    private static AuditEntryView view(ResultSet rs) throws SQLException {
        return new AuditEntryView(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_email"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("target"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("details"));
    }

    private record StoredEntry(
            long seq,
            Instant occurredAt,
            UUID actorId,
            String actorEmail,
            String action,
            String target,
            String ip,
            String userAgent,
            String details,
            String prevHash,
            String hash,
            AuditSubject subject) {

        static StoredEntry from(ResultSet rs) throws SQLException {
            return new StoredEntry(
                    rs.getLong("seq"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("actor_email"),
                    rs.getString("action"),
                    rs.getString("target"),
                    rs.getString("ip"),
                    rs.getString("user_agent"),
                    rs.getString("details"),
                    rs.getString("prev_hash"),
                    rs.getString("hash"),
                    new AuditSubject(
                            rs.getObject("client_id", UUID.class),
                            rs.getObject("project_id", UUID.class),
                            rs.getString("link")));
        }

        String problem(UUID tenant, long expectedSeq, String expectedPrev) {
            if (seq != expectedSeq) {
                return "Entry " + expectedSeq + " is missing";
            }
            if (!prevHash.equals(expectedPrev)) {
                return "Its link to the previous entry does not match";
            }
            String recomputed = AuditHash.of(
                    prevHash,
                    tenant,
                    seq,
                    occurredAt,
                    actorId,
                    actorEmail,
                    action,
                    target,
                    ip,
                    userAgent,
                    details,
                    subject);
            return recomputed.equals(hash) ? null : "Its content does not match its hash";
        }
    }
}
