-- Projects in full: type, scope and assets, description, archive.

alter table project
    add column type        varchar(24)   not null default 'OTHER'
        check (type in ('EXTERNAL_NETWORK', 'INTERNAL_NETWORK', 'WEB_APPLICATION', 'MOBILE', 'CLOUD', 'API', 'RED_TEAM', 'OTHER')),
    add column scope       varchar(20000) not null default '',
    add column description varchar(20000) not null default '',
    add column archived_at timestamptz;

create index project_active_idx on project (tenant_id, updated_at desc) where archived_at is null;

create table project_asset (
    tenant_id  uuid         not null,
    id         uuid         not null,
    project_id uuid         not null,
    kind       varchar(16)  not null check (kind in ('HOST', 'IP_RANGE', 'URL', 'APPLICATION')),
    value      varchar(500) not null,
    created_at timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, project_id) references project (tenant_id, id) on delete cascade
);
create unique index project_asset_uk on project_asset (tenant_id, project_id, kind, lower(value));

-- Exactly one Owner per project.
create unique index project_member_owner_uk on project_member (tenant_id, project_id) where role = 'OWNER';

alter table project_asset enable row level security;
alter table project_asset force row level security;
create policy project_asset_tenant on project_asset using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on project_asset to ${app_role};
