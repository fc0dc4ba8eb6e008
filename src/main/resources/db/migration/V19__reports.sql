-- Report versions: each generation of a project's PDF report is one immutable, numbered row. The data it was made
-- from is kept as a snapshot, so the version can be explained (and rendered) without the live findings.
create table report_version (
    tenant_id         uuid          not null,
    id                uuid          not null,
    project_id        uuid          not null,
    number            int           not null check (number > 0),
    template          varchar(40)   not null default 'default',
    title             varchar(200)  not null,
    version_label     varchar(40)   not null,
    classification    varchar(60)   not null,
    executive_summary text          not null default '',
    scope             text          not null default '',
    methodology       text          not null default '',
    status            varchar(12)   not null default 'QUEUED'
        check (status in ('QUEUED', 'RENDERING', 'DONE', 'FAILED')),
    failure_reason    varchar(500),
    claimed_until     timestamptz,
    -- Render attempts; a version whose renderer keeps dying (e.g. out of memory) fails instead of looping.
    attempts          int           not null default 0,
    pdf               bytea,
    page_count        int,
    size_bytes        bigint,
    created_by        uuid          not null,
    created_by_name   varchar(200)  not null,
    created_at        timestamptz   not null,
    finished_at       timestamptz,
    released_at       timestamptz,
    released_by       uuid,
    withdrawn_at      timestamptz,
    withdrawn_by      uuid,
    data_snapshot     jsonb         not null,
    primary key (tenant_id, id),
    unique (tenant_id, project_id, number),
    foreign key (tenant_id, project_id) references project (tenant_id, id) on delete cascade,
    -- A finished version has its PDF, a failed one has a reason and no PDF: nothing half-made.
    check ((status = 'DONE') = (pdf is not null)),
    check (status <> 'FAILED' or failure_reason is not null),
    check (released_at is null or status = 'DONE'),
    check (withdrawn_at is null or released_at is not null)
);
create index report_version_project_idx on report_version (tenant_id, project_id, number desc);
-- The render job looks for queued versions across workspaces.
create index report_version_queued_idx on report_version (created_at) where status in ('QUEUED', 'RENDERING');

do $$
declare
    t text;
begin
    foreach t in array array['report_version'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', t || '_tenant', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;

-- The render job claims queued versions of every workspace (like the mail dispatcher); only then does it work
-- inside the version's own workspace.
create policy report_version_system_select on report_version for select using (app_system_scope());
create policy report_version_system_update on report_version for update using (app_system_scope())
    with check (app_system_scope());
