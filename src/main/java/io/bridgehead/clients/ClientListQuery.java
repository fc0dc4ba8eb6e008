package io.bridgehead.clients;

import io.bridgehead.shared.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The client list as SQL, so that each sort walks its own index ({@code tenant_id, <sort column>, id}) and filters
 * apply on the way; the page size bounds every read.
 */
@Component
class ClientListQuery {

    private final NamedParameterJdbcTemplate jdbc;

    ClientListQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param visibleIds the only clients the caller may see, or empty for all of the workspace */
    Page<ClientListing> run(UUID tenantId, ClientQuery query, Optional<Set<UUID>> visibleIds) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId);
        String where = where(query, visibleIds, params);
        long total = jdbc.queryForObject("select count(*) from client" + where, params, Long.class);
        params.addValue("limit", ClientQuery.PAGE_SIZE).addValue("offset", (long) query.page() * ClientQuery.PAGE_SIZE);
        String order =
                query.archived() ? "archived_at desc, id desc" : query.sort().orderBy();
        var rows = jdbc.query(
                "select id, name, contact_email, industry, industry_other, status, active_projects, logo_version,"
                        + " last_activity_at, archived_at from client" + where + " order by " + order
                        + " limit :limit offset :offset",
                params,
                (rs, i) -> listing(rs));
        return new PageImpl<>(rows, PageRequest.of(query.page(), ClientQuery.PAGE_SIZE), total);
    }

    private static String where(ClientQuery query, Optional<Set<UUID>> visibleIds, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where tenant_id = :tenant");
        where.append(query.archived() ? " and archived_at is not null" : " and archived_at is null");
        if (query.q() != null) {
            where.append(" and (lower(name) like :q escape '\\' or lower(external_ref) like :q escape '\\')");
            params.addValue("q", Text.likeContaining(query.q()));
        }
        if (query.industry() != null) {
            where.append(" and industry = :industry");
            params.addValue("industry", query.industry().name());
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.addValue("status", query.status().name());
        }
        if ("with".equals(query.projects())) {
            where.append(" and active_projects > 0");
        } else if ("without".equals(query.projects())) {
            where.append(" and active_projects = 0");
        }
        if (visibleIds.isPresent()) {
            if (visibleIds.get().isEmpty()) {
                where.append(" and false");
            } else {
                where.append(" and id in (:visible)");
                params.addValue("visible", visibleIds.get());
            }
        }
        return where.toString();
    }

    private static ClientListing listing(ResultSet rs) throws SQLException {
        String industry = rs.getString("industry");
        String industryLabel = industry == null
                ? null
                : Industry.OTHER.name().equals(industry) && rs.getString("industry_other") != null
                        ? rs.getString("industry_other")
                        : Industry.valueOf(industry).label();
        var archivedAt = rs.getTimestamp("archived_at");
        return new ClientListing(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("contact_email"),
                industryLabel,
                ClientStatus.valueOf(rs.getString("status")),
                rs.getInt("active_projects"),
                rs.getInt("logo_version"),
                rs.getTimestamp("last_activity_at").toInstant(),
                archivedAt == null ? null : archivedAt.toInstant());
    }
}
