-- Findings in the client portal: which side (firm or client) wrote a status change or a comment, a strict order of a
-- finding's status changes, and the indexes of the portal's findings list, dashboard figures and trend.

-- Both sides see the same history; each row says whether the firm or the client's person made the move.
alter table finding_history
    add column actor_side varchar(8) not null default 'FIRM' check (actor_side in ('FIRM', 'CLIENT'));
-- Moves of one finding are serialised by a row lock, so this number orders them even when two land in the same
-- microsecond (occurred_at stays the time people see). Existing rows are numbered in no particular order; they were
-- written one at a time by people, so their times already differ.
alter table finding_history add column seq bigint generated always as identity;
-- The portal's trend reads every status span of the client's findings: each finding's rows in order.
drop index finding_history_idx;
create index finding_history_idx on finding_history (tenant_id, finding_id, occurred_at, seq) include (to_status);

-- Shared comments are written by the firm or, through the portal, by the client's people.
alter table finding_comment
    add column author_side varchar(8) not null default 'FIRM' check (author_side in ('FIRM', 'CLIENT'));

-- The portal's list of one project's findings: most severe first, then by number, without sorting the project.
create index finding_project_portal_idx on finding (tenant_id, project_id,
    (case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 when 'LOW' then 3
                   when 'INFORMATIONAL' then 4 end),
    ref);
