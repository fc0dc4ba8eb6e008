package io.bridgehead.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slugs across workspaces: which workspace an address leads to, and the released slugs that stay reserved for their
 * workspace. The cross-workspace reads need system scope; the writes touch only the caller's own workspace.
 */
@Component
class SlugDirectory {

    private final JdbcTemplate jdbc;

    SlugDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The workspace whose current slug this is, or else the one that released it after {@code reservedSince}. */
    Optional<PortalWorkspace> resolve(String slug, Instant reservedSince) {
        List<PortalWorkspace> found = jdbc.query(
                "select w.id, w.name, w.slug from ("
                        + " select id as workspace_id, 0 as preference from workspace where slug = ?"
                        + " union all"
                        + " select tenant_id, 1 from workspace_released_slug where slug = ? and released_at > ?"
                        + ") match join workspace w on w.id = match.workspace_id"
                        + " order by match.preference limit 1",
                (rs, i) -> new PortalWorkspace(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                slug,
                slug,
                Timestamp.from(reservedSince));
        return found.stream().findFirst();
    }

    /** Whether a workspace other than {@code except} (null: any) released this slug after {@code reservedSince}. */
    boolean reservedForAnother(String slug, UUID except, Instant reservedSince) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from workspace_released_slug"
                        + " where slug = ? and released_at > ? and tenant_id is distinct from ?)",
                Boolean.class,
                slug,
                Timestamp.from(reservedSince),
                except));
    }

    boolean taken(String slug) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from workspace where slug = ?)", Boolean.class, slug));
    }

    /**
     * Serialises changes that involve these slugs until the transaction ends, so a slug being released and the same
     * slug being taken by another workspace cannot interleave. Locks are taken in sorted order to avoid deadlocks.
     */
    void lock(String... slugs) {
        java.util.Arrays.stream(slugs)
                .distinct()
                .sorted()
                .forEach(slug -> jdbc.queryForObject(
                        "select pg_advisory_xact_lock(hashtextextended(?, 15))", Object.class, "slug:" + slug));
    }

    /** Records the caller's old slug as released (again) now; older reservations of the workspace are dropped. */
    void release(UUID workspace, String slug, Instant at) {
        jdbc.update(
                "insert into workspace_released_slug (tenant_id, slug, released_at) values (?, ?, ?)"
                        + " on conflict (tenant_id, slug) do update set released_at = excluded.released_at",
                workspace,
                slug,
                Timestamp.from(at));
        jdbc.update(
                "delete from workspace_released_slug where tenant_id = ? and released_at <= ?",
                workspace,
                Timestamp.from(at.minus(SlugRules.QUIET_PERIOD)));
    }

    /** The workspace takes back one of its own released slugs: it is its current one again, not a reservation. */
    void reclaim(UUID workspace, String slug) {
        jdbc.update("delete from workspace_released_slug where tenant_id = ? and slug = ?", workspace, slug);
    }
}
