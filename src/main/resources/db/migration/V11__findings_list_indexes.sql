-- Findings list indexes, from the benchmark with 200,000 findings in one workspace (bench/findings-list.sh).

-- One index per sort of the list, on FindingSort's exact expressions (severity and status ranked in their enum order by
-- a case expression), so a page reads its first rows in order and sorts only ties by project and number (an
-- incremental sort) instead of joining and sorting the whole workspace (about 140 ms with 200,000 findings).
create index finding_by_severity_idx on finding (tenant_id,
    (case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 when 'LOW' then 3
                   when 'INFORMATIONAL' then 4 end),
    cvss31_score desc nulls last);
create index finding_by_cvss_idx on finding (tenant_id, cvss31_score desc nulls last,
    (case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 when 'LOW' then 3
                   when 'INFORMATIONAL' then 4 end));
create index finding_by_status_idx on finding (tenant_id,
    (case status when 'OPEN' then 0 when 'PENDING_VERIFICATION' then 1 when 'RETEST_REQUESTED' then 2
                 when 'PARTIALLY_FIXED' then 3 when 'VERIFIED_FIXED' then 4 when 'ACCEPTED_RISK' then 5
                 when 'CLOSED' then 6 end),
    (case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 when 'LOW' then 3
                   when 'INFORMATIONAL' then 4 end));
create index finding_by_due_idx on finding (tenant_id, due_date asc nulls last,
    (case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 when 'LOW' then 3
                   when 'INFORMATIONAL' then 4 end));
create index finding_by_updated_idx on finding (tenant_id, updated_at desc);

-- A project's findings page in its default order (most severe first), without sorting the project's findings.
create index finding_project_severity_idx on finding (tenant_id, project_id,
    (case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 when 'LOW' then 3
                   when 'INFORMATIONAL' then 4 end),
    cvss31_score desc nulls last);

-- The count above the list ("12,043 findings"), with or without the severity and status filters, read from these small
-- indexes (with the project, for the join that leaves out archived projects) rather than the table.
create index finding_filter_idx on finding (tenant_id, severity, status, project_id);
create index finding_status_idx on finding (tenant_id, status, project_id);

-- The overdue filter's count: V6's index on unresolved findings by due date, now carrying the project as well so the
-- count needs no table reads. Same columns and condition otherwise.
drop index finding_due_idx;
create index finding_due_idx on finding (tenant_id, due_date) include (project_id)
    where status in ('OPEN', 'PENDING_VERIFICATION', 'RETEST_REQUESTED', 'PARTIALLY_FIXED');
