package io.bridgehead.findings;

import io.bridgehead.clients.ClientFindings;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.tenant.TenantContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts a client's open findings for its overview, within the projects the user may see. */
@Component
class FindingsOfClients implements ClientFindings {

    private static final String UNRESOLVED = Arrays.stream(FindingStatus.values())
            .filter(FindingStatus::unresolved)
            .map(s -> "'" + s.name() + "'")
            .reduce((a, b) -> a + ", " + b)
            .orElseThrow();

    private final JdbcTemplate jdbc;
    private final Projects projects;

    FindingsOfClients(JdbcTemplate jdbc, Projects projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Override
    public List<SeverityCount> openBySeverity(UUID clientId) {
        UUID tenant = TenantContext.require();
        UUID member = projects.onlyAssignedTo().orElse(null);
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        jdbc.query(
                "select f.severity, count(*) from finding f join project p on p.tenant_id = f.tenant_id and p.id = f.project_id"
                        + " where f.tenant_id = ? and p.client_id = ? and p.archived_at is null and f.status in ("
                        + UNRESOLVED + ") and (cast(? as uuid) is null or exists (select 1 from project_member m"
                        + " where m.tenant_id = p.tenant_id and m.project_id = p.id and m.user_id = ?))"
                        + " group by f.severity",
                rs -> {
                    counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2));
                },
                tenant,
                clientId,
                member,
                member);
        List<SeverityCount> result = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            result.add(new SeverityCount(severity.name(), severity.label(), counts.getOrDefault(severity, 0L)));
        }
        return result;
    }
}
