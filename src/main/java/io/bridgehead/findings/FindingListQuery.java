package io.bridgehead.findings;

import io.bridgehead.shared.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Findings lists as SQL over finding join project: one workspace (row-level security and an explicit tenant
 * condition), only the projects the caller may see, without archived projects unless one project is asked for. The page
 * size or the export cap bounds every read.
 */
@Component
class FindingListQuery {

    private static final String UNRESOLVED = Arrays.stream(FindingStatus.values())
            .filter(FindingStatus::unresolved)
            .map(s -> "'" + s.name() + "'")
            .reduce((a, b) -> a + ", " + b)
            .orElseThrow();

    private static final String SELECT = "select f.id, f.project_id, p.name as project_name, p.client_id,"
            + " c.name as client_name, f.ref, f.title, f.severity, f.cvss31_score, f.status, f.due_date,"
            + " (f.status in (" + UNRESOLVED + ") and f.due_date < :today) as overdue, f.updated_at";

    private static final String FROM =
            " from finding f join project p on p.tenant_id = f.tenant_id and p.id = f.project_id"
                    + " left join client c on c.tenant_id = p.tenant_id and c.id = p.client_id";

    private final NamedParameterJdbcTemplate jdbc;

    FindingListQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param onlyAssignedTo the user whose project memberships limit the list, or empty for all projects */
    Page<FindingListing> page(UUID tenantId, FindingQuery query, Optional<UUID> onlyAssignedTo, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId).addValue("today", today);
        String where = where(query, onlyAssignedTo, params);
        // Counting stops one past the cap: an exact count of a whole large workspace would cost more than the page.
        params.addValue("countCap", FindingQuery.COUNT_CAP + 1);
        long total = jdbc.queryForObject(
                "select count(*) from (select 1" + FROM + where + " limit :countCap) counted", params, Long.class);
        params.addValue("limit", FindingQuery.PAGE_SIZE)
                .addValue("offset", (long) query.page() * FindingQuery.PAGE_SIZE);
        var rows = jdbc.query(
                SELECT + FROM + where + " order by " + query.sort().orderBy() + " limit :limit offset :offset",
                params,
                (rs, i) -> listing(rs));
        return new PageImpl<>(rows, PageRequest.of(query.page(), FindingQuery.PAGE_SIZE), total);
    }

    /**
     * Hands every row of the list, in its order and ignoring the page, to {@code sink}, at most {@code max} of them.
     *
     * @return whether there were more rows than {@code max}
     */
    boolean each(
            UUID tenantId,
            FindingQuery query,
            Optional<UUID> onlyAssignedTo,
            LocalDate today,
            int max,
            Consumer<FindingListing> sink) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId).addValue("today", today);
        String where = where(query, onlyAssignedTo, params);
        params.addValue("limit", max + 1);
        int[] seen = {0};
        jdbc.query(SELECT + FROM + where + " order by " + query.sort().orderBy() + " limit :limit", params, rs -> {
            if (++seen[0] <= max) {
                sink.accept(listing(rs));
            }
        });
        return seen[0] > max;
    }

    private static String where(FindingQuery query, Optional<UUID> onlyAssignedTo, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where f.tenant_id = :tenant");
        if (query.projectId() != null) {
            where.append(" and f.project_id = :project");
            params.addValue("project", query.projectId());
        } else {
            where.append(" and p.archived_at is null");
        }
        onlyAssignedTo.ifPresent(user -> {
            where.append(" and exists (select 1 from project_member m where m.tenant_id = f.tenant_id"
                    + " and m.project_id = f.project_id and m.user_id = :member)");
            params.addValue("member", user);
        });
        if (query.clientId() != null) {
            where.append(" and p.client_id = :client");
            params.addValue("client", query.clientId());
        }
        if (query.q() != null) {
            where.append(" and lower(f.title) like :q escape '\\'");
            params.addValue("q", Text.likeContaining(query.q()));
        }
        if (query.severity() != null) {
            where.append(" and f.severity = :severity");
            params.addValue("severity", query.severity().name());
        }
        if (query.status() != null) {
            where.append(" and f.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.overdue()) {
            where.append(" and f.status in (" + UNRESOLVED + ") and f.due_date < :today");
        }
        return where.toString();
    }

    private static FindingListing listing(ResultSet rs) throws SQLException {
        var due = rs.getDate("due_date");
        return new FindingListing(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("project_name"),
                rs.getObject("client_id", UUID.class),
                rs.getString("client_name"),
                rs.getInt("ref"),
                rs.getString("title"),
                Severity.valueOf(rs.getString("severity")),
                rs.getBigDecimal("cvss31_score"),
                FindingStatus.valueOf(rs.getString("status")),
                due == null ? null : due.toLocalDate(),
                rs.getBoolean("overdue"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
