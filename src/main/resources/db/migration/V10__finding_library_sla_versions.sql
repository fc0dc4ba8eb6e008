-- Finding library (workspace-wide templates) and optimistic locking of projects and findings.

create table finding_template (
    tenant_id       uuid           not null references workspace (id),
    id              uuid           not null,
    title           varchar(200)   not null,
    severity        varchar(16)
        check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL')),
    cvss31_vector   varchar(200),
    description     varchar(50000) not null default '',
    impact          varchar(20000) not null default '',
    remediation     varchar(20000) not null default '',
    reference_links varchar(5000)  not null default '',
    created_by      uuid           not null,
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    primary key (tenant_id, id)
);
create index finding_template_title_idx on finding_template (tenant_id, lower(title));

alter table finding_template enable row level security;
alter table finding_template force row level security;
create policy finding_template_tenant on finding_template using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on finding_template to ${app_role};

alter table finding add column version integer not null default 0;
alter table project add column version integer not null default 0;
