-- Findings with CVSS, status workflow history, affected assets, and remediation SLAs per workspace.

create table finding (
    tenant_id                uuid           not null,
    id                       uuid           not null,
    project_id               uuid           not null,
    ref                      integer        not null,
    title                    varchar(200)   not null,
    severity                 varchar(16)    not null
        check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL')),
    cvss31_vector            varchar(200),
    cvss31_score             numeric(3, 1),
    cvss40_vector            varchar(300),
    cvss40_score             numeric(3, 1) check (cvss40_score between 0 and 10),
    description              varchar(50000) not null default '',
    impact                   varchar(20000) not null default '',
    remediation              varchar(20000) not null default '',
    technical_details        varchar(50000) not null default '',
    reference_links          varchar(5000)  not null default '',
    internal_notes           varchar(20000) not null default '',
    status                   varchar(24)    not null
        check (status in ('OPEN', 'PENDING_VERIFICATION', 'RETEST_REQUESTED', 'VERIFIED_FIXED', 'PARTIALLY_FIXED',
                          'ACCEPTED_RISK', 'CLOSED')),
    due_date                 date,
    created_by               uuid           not null,
    created_at               timestamptz    not null,
    updated_at               timestamptz    not null,
    client_reported_fixed_at timestamptz,
    verified_at              timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, project_id) references project (tenant_id, id) on delete cascade
);
create unique index finding_ref_uk on finding (tenant_id, project_id, ref);
create index finding_project_idx on finding (tenant_id, project_id, status, severity);
create index finding_due_idx on finding (tenant_id, due_date) where status in ('OPEN', 'PENDING_VERIFICATION', 'RETEST_REQUESTED', 'PARTIALLY_FIXED');

create table finding_asset (
    tenant_id  uuid not null,
    finding_id uuid not null,
    asset_id   uuid not null,
    primary key (tenant_id, finding_id, asset_id),
    foreign key (tenant_id, finding_id) references finding (tenant_id, id) on delete cascade,
    foreign key (tenant_id, asset_id) references project_asset (tenant_id, id) on delete cascade
);

create table finding_history (
    tenant_id   uuid          not null,
    id          uuid          not null,
    finding_id  uuid          not null,
    actor_id    uuid          not null,
    actor_name  varchar(120)  not null,
    from_status varchar(24),
    to_status   varchar(24)   not null,
    note        varchar(2000) not null default '',
    occurred_at timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, finding_id) references finding (tenant_id, id) on delete cascade
);
create index finding_history_idx on finding_history (tenant_id, finding_id, occurred_at);

create table finding_sla (
    tenant_id     uuid    primary key references workspace (id),
    critical_days integer not null default 7 check (critical_days between 1 and 3650),
    high_days     integer not null default 30 check (high_days between 1 and 3650),
    medium_days   integer not null default 90 check (medium_days between 1 and 3650),
    low_days      integer not null default 180 check (low_days between 1 and 3650)
);

do $$
declare
    t text;
begin
    foreach t in array array['finding', 'finding_asset', 'finding_history', 'finding_sla'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', t || '_tenant', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;
-- History is append-only for the application.
revoke update, delete on finding_history from ${app_role};
