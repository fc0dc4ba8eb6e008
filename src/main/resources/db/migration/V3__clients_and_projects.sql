-- Clients (with contacts, internal notes and logos) and the part of projects that clients need.

create table client (
    tenant_id        uuid         not null references workspace (id),
    id               uuid         not null,
    name             varchar(120) not null,
    contact_email    varchar(254) not null,
    industry         varchar(32),
    industry_other   varchar(80),
    website          varchar(300),
    phone            varchar(40),
    address          varchar(500),
    external_ref     varchar(80),
    status           varchar(16)  not null check (status in ('ACTIVE', 'INACTIVE')),
    active_projects  integer      not null default 0,
    logo_version     integer      not null default 0,
    created_at       timestamptz  not null,
    last_activity_at timestamptz  not null,
    archived_at      timestamptz,
    primary key (tenant_id, id)
);
-- Names are unique per workspace whatever their letter case.
create unique index client_name_uk on client (tenant_id, lower(name));
-- One index per sort of the list (archived clients are listed apart).
create index client_by_name_idx on client (tenant_id, lower(name), id) where archived_at is null;
create index client_by_created_idx on client (tenant_id, created_at, id) where archived_at is null;
create index client_by_activity_idx on client (tenant_id, last_activity_at, id) where archived_at is null;
create index client_by_projects_idx on client (tenant_id, active_projects, id) where archived_at is null;
create index client_archived_idx on client (tenant_id, archived_at desc, id) where archived_at is not null;
create index client_external_ref_idx on client (tenant_id, lower(external_ref)) where external_ref is not null;

create table client_contact (
    tenant_id    uuid         not null,
    id           uuid         not null,
    client_id    uuid         not null,
    full_name    varchar(120) not null,
    email        varchar(254),
    phone        varchar(40),
    title        varchar(120),
    department   varchar(120),
    is_primary   boolean      not null default false,
    is_technical boolean      not null default false,
    is_executive boolean      not null default false,
    is_billing   boolean      not null default false,
    created_at   timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id) on delete cascade
);
-- At most one primary contact per client.
create unique index client_contact_primary_uk on client_contact (tenant_id, client_id) where is_primary;
create index client_contact_client_idx on client_contact (tenant_id, client_id, lower(full_name));

create table client_note (
    tenant_id   uuid           not null,
    id          uuid           not null,
    client_id   uuid           not null,
    author_id   uuid           not null,
    author_name varchar(120)   not null,
    body        varchar(20000) not null,
    created_at  timestamptz    not null,
    edited_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id) on delete cascade
);
create index client_note_client_idx on client_note (tenant_id, client_id, created_at desc);

create table client_logo (
    tenant_id  uuid        not null,
    client_id  uuid        not null,
    png        bytea       not null,
    updated_at timestamptz not null,
    primary key (tenant_id, client_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id) on delete cascade
);

create table project (
    tenant_id  uuid         not null references workspace (id),
    id         uuid         not null,
    name       varchar(200) not null,
    client_id  uuid,
    status     varchar(16)  not null
        check (status in ('PLANNED', 'IN_PROGRESS', 'REPORTING', 'REMEDIATION', 'RETEST', 'COMPLETED')),
    start_date date,
    end_date   date,
    created_by uuid         not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    check (end_date is null or start_date is null or end_date >= start_date)
);
create index project_client_idx on project (tenant_id, client_id, status);
create index project_unassigned_idx on project (tenant_id, created_at desc) where client_id is null;
create index project_updated_idx on project (tenant_id, updated_at desc);

create table project_member (
    tenant_id  uuid        not null,
    project_id uuid        not null,
    user_id    uuid        not null,
    role       varchar(16) not null check (role in ('OWNER', 'EDITOR', 'REVIEWER')),
    primary key (tenant_id, project_id, user_id),
    foreign key (tenant_id, project_id) references project (tenant_id, id) on delete cascade,
    foreign key (tenant_id, user_id) references staff_user (tenant_id, id)
);
create index project_member_user_idx on project_member (tenant_id, user_id);

do $$
declare
    t text;
begin
    foreach t in array array['client', 'client_contact', 'client_note', 'client_logo', 'project', 'project_member'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', t || '_tenant', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;
