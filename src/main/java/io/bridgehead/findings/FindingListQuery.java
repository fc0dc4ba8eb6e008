package io.bridgehead.findings;

import io.bridgehead.shared.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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

    private static final String CLIENT = " left join client c on c.tenant_id = p.tenant_id and c.id = p.client_id";

    private static final String FROM_FINDINGS =
            " from finding f join project p on p.tenant_id = f.tenant_id and p.id = f.project_id" + CLIENT;

    /**
     * A title search reads the current workspace's matching rows from finding_title_matches (V18: a trigram index,
     * which row-level security keeps from working on finding itself) in finding's place, with the same columns. The
     * project is joined by id alone, under its own policy and the tenant condition on p, so that the planner takes
     * the function's row estimate as it is (a derived condition on f would shrink it to a handful and pick a loop).
     */
    private static final String FROM_TITLE_MATCHES =
            " from finding_title_matches(:q) f join project p on p.id = f.project_id" + CLIENT;

    private static final Pattern TRIGRAM = Pattern.compile("[\\p{L}\\p{N}]{3}");

    private final NamedParameterJdbcTemplate jdbc;

    FindingListQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param onlyAssignedTo the user whose project memberships limit the list, or empty for all projects */
    Page<FindingListing> page(UUID tenantId, FindingQuery query, Optional<UUID> onlyAssignedTo, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId).addValue("today", today);
        String where = where(query, onlyAssignedTo, params);
        params.addValue("limit", FindingQuery.PAGE_SIZE)
                .addValue("offset", (long) query.page() * FindingQuery.PAGE_SIZE)
                .addValue("countCap", FindingQuery.COUNT_CAP + 1);
        return readsTitleMatches(query) ? titleSearchPage(query, where, params) : countThenPage(query, where, params);
    }

    private Page<FindingListing> countThenPage(FindingQuery query, String where, MapSqlParameterSource params) {
        long total = count(query, where, params);
        var rows = jdbc.query(SELECT + from(query) + where + orderAndPage(query), params, (rs, i) -> listing(rs));
        return new PageImpl<>(rows, PageRequest.of(query.page(), FindingQuery.PAGE_SIZE), total);
    }

    /**
     * A title search reads finding_title_matches once: every row of the page carries the number of matching rows,
     * counted before the limit ({@code count(*) over ()}), as the whole list had to be read to sort it anyway. Only a
     * page past the end, which has no row to carry it, is counted apart.
     */
    private Page<FindingListing> titleSearchPage(FindingQuery query, String where, MapSqlParameterSource params) {
        long[] matching = {-1};
        var rows = jdbc.query(
                SELECT + ", count(*) over () as matching" + from(query) + where + orderAndPage(query),
                params,
                (rs, i) -> {
                    matching[0] = rs.getLong("matching");
                    return listing(rs);
                });
        long total = matching[0] < 0 ? count(query, where, params) : Math.min(matching[0], FindingQuery.COUNT_CAP + 1);
        return new PageImpl<>(rows, PageRequest.of(query.page(), FindingQuery.PAGE_SIZE), total);
    }

    /** Counting stops one past the cap: an exact count of a whole large workspace would cost more than the page. */
    private long count(FindingQuery query, String where, MapSqlParameterSource params) {
        return jdbc.queryForObject(
                "select count(*) from (select 1" + from(query) + where + " limit :countCap) counted",
                params,
                Long.class);
    }

    private static String orderAndPage(FindingQuery query) {
        return " order by " + query.sort().orderBy() + " limit :limit offset :offset";
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
        String sql = SELECT + from(query) + where + " order by " + query.sort().orderBy() + " limit :limit";
        jdbc.query(sql, params, rs -> {
            if (++seen[0] <= max) {
                sink.accept(listing(rs));
            }
        });
        return seen[0] > max;
    }

    private static String from(FindingQuery query) {
        return readsTitleMatches(query) ? FROM_TITLE_MATCHES : FROM_FINDINGS;
    }

    /**
     * Whether a title search goes through the trigram index: only with three letters or digits in a row, the shortest
     * text a trigram comes from. Shorter text (someone starting to type) matches most titles, and finding's own sort
     * index with the title as a filter finds a page of those soonest; the copy would return and sort nearly every row.
     */
    static boolean readsTitleMatches(FindingQuery query) {
        return query.q() != null && TRIGRAM.matcher(query.q()).find();
    }

    private static String where(FindingQuery query, Optional<UUID> onlyAssignedTo, MapSqlParameterSource params) {
        // The tenant condition on finding's own table, for its indexes; on project when reading title matches (above).
        StringBuilder where = new StringBuilder(
                readsTitleMatches(query) ? " where p.tenant_id = :tenant" : " where f.tenant_id = :tenant");
        if (query.projectId() != null) {
            where.append(" and f.project_id = :project");
            params.addValue("project", query.projectId());
        } else {
            where.append(" and p.archived_at is null");
        }
        onlyAssignedTo.ifPresent(user -> {
            where.append(" and exists (select 1 from project_member m where m.tenant_id = p.tenant_id"
                    + " and m.project_id = p.id and m.user_id = :member)");
            params.addValue("member", user);
        });
        if (query.clientId() != null) {
            where.append(" and p.client_id = :client");
            params.addValue("client", query.clientId());
        }
        if (query.q() != null) {
            params.addValue("q", Text.likeContaining(query.q()));
            if (!readsTitleMatches(query)) {
                where.append(" and lower(f.title) like :q escape '\\'");
            }
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
