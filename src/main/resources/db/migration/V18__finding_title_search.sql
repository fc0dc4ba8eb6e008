-- Title search on the findings lists through a trigram index (bench/findings-list.sh: 200,000 findings in one workspace).
--
-- Why not an index on finding itself: row-level security is forced on finding, and PostgreSQL lets only leakproof
-- operators run ahead of a policy. LIKE is not leakproof, so it is never an index condition there: every search read the
-- whole workspace (about 100 ms per query for 200,000 findings). Marking functions LEAKPROOF needs a superuser, which
-- production must not need.
--
-- So the search reads a copy of the list's columns, finding_search, kept by the triggers below, through the security
-- definer function finding_title_matches(pattern). The owner (who runs the function) is not bound by this table's
-- policy, so the planner may use the trigram index; the function itself keeps the caller's workspace with an explicit
-- condition on app.tenant_id, the same setting the policies read. The application role has no privilege on the table,
-- only EXECUTE on the function, and the lists still join project under its forced policy, so a row of another workspace
-- could not be shown even if the function returned one.

create extension if not exists pg_trgm;

create table finding_search (
    tenant_id    uuid          not null,
    id           uuid          not null,
    project_id   uuid          not null,
    ref          integer       not null,
    title        varchar(200)  not null,
    severity     varchar(16)   not null,
    cvss31_score numeric(3, 1),
    status       varchar(24)   not null,
    due_date     date,
    updated_at   timestamptz   not null,
    -- As the lists compare titles (Text.likeContaining lower-cases the typed text); stored, so neither the index's
    -- recheck nor a scan for a short pattern lower-cases every title again.
    title_lower  text          generated always as (lower(title)) stored,
    primary key (tenant_id, id),
    foreign key (tenant_id, id) references finding (tenant_id, id) on delete cascade
);

-- Enabled, not forced: the owner's function reads across the policy; anyone else granted access later would be bound.
alter table finding_search enable row level security;
create policy finding_search_tenant on finding_search using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
revoke all on finding_search from public;

-- The current workspace's findings whose lower-cased title matches a LIKE pattern (escape character \), with the
-- columns the lists select, filter and sort on, named as in finding so the lists can read it in finding's place.
-- PL/pgSQL EXECUTE plans each call with the pattern known: the trigram index for three characters or more, a scan of
-- the workspace's rows for shorter patterns (where a trigram index cannot help).
create function finding_title_matches(pattern text)
    returns table (tenant_id uuid, id uuid, project_id uuid, ref integer, title varchar, severity varchar,
                   cvss31_score numeric, status varchar, due_date date, updated_at timestamptz)
    language plpgsql stable security definer
    set search_path = pg_catalog, pg_temp
    rows 2000
as $$
declare
    -- Read once: compared per row, the setting would be read and parsed again for every row.
    workspace constant uuid := public.app_current_tenant();
begin
    if workspace is null then
        return;
    end if;
    return query execute
        'select s.tenant_id, s.id, s.project_id, s.ref, s.title, s.severity, s.cvss31_score, s.status, s.due_date,'
        ' s.updated_at from public.finding_search s'
        ' where s.tenant_id = $1 and s.title_lower like $2 escape ''\'''
        using workspace, pattern;
end
$$;
revoke all on function finding_title_matches(text) from public;
grant execute on function finding_title_matches(text) to ${app_role};

-- Kept in the same transaction as the finding: new rows and every update are copied (statement-level, so a bulk change
-- is one statement here too); deletes cascade through the foreign key. The rows passed finding's own policy already.
create function finding_search_inserted() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    insert into public.finding_search (tenant_id, id, project_id, ref, title, severity, cvss31_score, status,
                                       due_date, updated_at)
    select n.tenant_id, n.id, n.project_id, n.ref, n.title, n.severity, n.cvss31_score, n.status, n.due_date,
           n.updated_at
    from inserted n;
    return null;
end
$$;

create function finding_search_updated() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    update public.finding_search s
    set project_id = n.project_id, ref = n.ref, title = n.title, severity = n.severity,
        cvss31_score = n.cvss31_score, status = n.status, due_date = n.due_date, updated_at = n.updated_at
    from updated n
    where s.tenant_id = n.tenant_id and s.id = n.id
      and (s.project_id, s.ref, s.title, s.severity, s.cvss31_score, s.status, s.due_date, s.updated_at)
          is distinct from (n.project_id, n.ref, n.title, n.severity, n.cvss31_score, n.status, n.due_date,
                            n.updated_at);
    return null;
end
$$;
revoke all on function finding_search_inserted() from public;
revoke all on function finding_search_updated() from public;

create trigger finding_search_insert after insert on finding
    referencing new table as inserted for each statement execute function finding_search_inserted();
create trigger finding_search_update after update on finding
    referencing new table as updated for each statement execute function finding_search_updated();

-- Existing findings: the owner reads them across the forced policy for this statement only (all in Flyway's
-- transaction, under the lock ALTER TABLE takes, so no session ever sees finding unforced).
alter table finding no force row level security;
insert into finding_search (tenant_id, id, project_id, ref, title, severity, cvss31_score, status, due_date, updated_at)
select tenant_id, id, project_id, ref, title, severity, cvss31_score, status, due_date, updated_at from finding;
alter table finding force row level security;

-- Built after the copy (faster than entry by entry). Without fastupdate: new entries go straight into the index instead
-- of a pending list that every search would read through until VACUUM merges it (one finding at a time is cheap).
create index finding_search_title_idx on finding_search using gin (title_lower gin_trgm_ops) with (fastupdate = off);
