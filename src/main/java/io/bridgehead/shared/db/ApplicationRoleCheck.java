package io.bridgehead.shared.db;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Refuses to run when the application's database role could bypass row-level security. */
@Component
class ApplicationRoleCheck {

    private final JdbcTemplate jdbc;

    ApplicationRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void verifyRoleCannotBypassIsolation() {
        Boolean privileged = jdbc.queryForObject(
                "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
        Integer owned = jdbc.queryForObject(
                "select count(*) from pg_tables where schemaname = current_schema() and tableowner = current_user",
                Integer.class);
        if (Boolean.TRUE.equals(privileged) || owned != null && owned > 0) {
            throw new IllegalStateException("The datasource user must be neither a superuser nor the owner of the"
                    + " tables: connect as the application role and give Flyway the owner (SPRING_FLYWAY_USER).");
        }
    }
}
