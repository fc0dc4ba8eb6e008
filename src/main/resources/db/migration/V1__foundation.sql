-- Foundation: workspaces, staff identity, throttling, mail outbox, audit log, sessions.
-- Runs as the tables' owner. The application connects as ${app_role}: neither owner nor superuser, so the
-- row-level security below binds it. Every text column has a documented limit (docs/architecture.md).

grant usage on schema public to ${app_role};

-- The workspace of the current transaction, set by the application at the start of every transaction.
create function app_current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Installation-wide scope for the few reads that precede knowing the workspace (sign-in, mail dispatch).
create function app_system_scope() returns boolean
    language sql stable
as $$ select coalesce(current_setting('app.scope', true), '') = 'system' $$;

-- Workspaces (tenants) -----------------------------------------------------------------------------------------

create table workspace (
    id                   uuid primary key,
    name                 varchar(120) not null,
    slug                 varchar(63)  not null,
    plan                 varchar(16)  not null check (plan in ('STARTER', 'PRO', 'TEAM')),
    idle_timeout_minutes integer      not null default 30 check (idle_timeout_minutes between 5 and 720),
    created_at           timestamptz  not null
);
create unique index workspace_slug_uk on workspace (slug);

alter table workspace enable row level security;
alter table workspace force row level security;
create policy workspace_read on workspace for select using (id = app_current_tenant() or app_system_scope());
create policy workspace_insert on workspace for insert with check (id = app_current_tenant());
create policy workspace_update on workspace for update using (id = app_current_tenant()) with check (id = app_current_tenant());
grant select, insert, update on workspace to ${app_role};

-- Staff users --------------------------------------------------------------------------------------------------

create table staff_user (
    tenant_id            uuid         not null references workspace (id),
    id                   uuid         not null,
    email                varchar(254) not null,
    full_name            varchar(120) not null,
    password_hash        varchar(255) not null,
    role                 varchar(16)  not null check (role in ('ADMIN', 'ANALYST', 'REVIEWER', 'VIEWER')),
    active               boolean      not null default true,
    must_change_password boolean      not null default false,
    last_sign_in_at      timestamptz,
    password_changed_at  timestamptz  not null,
    created_at           timestamptz  not null,
    primary key (tenant_id, id)
);
-- E-mail is unique across the installation: sign-in starts from the e-mail alone.
create unique index staff_user_email_uk on staff_user (lower(email));
create index staff_user_tenant_email_idx on staff_user (tenant_id, lower(email));

alter table staff_user enable row level security;
alter table staff_user force row level security;
create policy staff_user_read on staff_user for select using (tenant_id = app_current_tenant() or app_system_scope());
create policy staff_user_insert on staff_user for insert with check (tenant_id = app_current_tenant());
create policy staff_user_update on staff_user for update using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on staff_user to ${app_role};

create table staff_invitation (
    tenant_id   uuid         not null references workspace (id),
    id          uuid         not null,
    email       varchar(254) not null,
    role        varchar(16)  not null check (role in ('ADMIN', 'ANALYST', 'REVIEWER', 'VIEWER')),
    token_hash  varchar(64)  not null,
    invited_by  uuid         not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, invited_by) references staff_user (tenant_id, id)
);
create unique index staff_invitation_token_uk on staff_invitation (tenant_id, token_hash);
create index staff_invitation_open_idx on staff_invitation (tenant_id, lower(email)) where accepted_at is null and revoked_at is null;

alter table staff_invitation enable row level security;
alter table staff_invitation force row level security;
create policy staff_invitation_tenant on staff_invitation using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on staff_invitation to ${app_role};

create table password_reset (
    tenant_id  uuid        not null references workspace (id),
    id         uuid        not null,
    user_id    uuid        not null,
    token_hash varchar(64) not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references staff_user (tenant_id, id)
);
create unique index password_reset_token_uk on password_reset (tenant_id, token_hash);
create index password_reset_user_idx on password_reset (tenant_id, user_id);

alter table password_reset enable row level security;
alter table password_reset force row level security;
create policy password_reset_tenant on password_reset using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on password_reset to ${app_role};

-- Sign-in throttling, keyed by a hash of the e-mail typed, so unknown and known addresses behave alike.
-- Installation-wide by nature (the workspace is not known before sign-in) and holds no address.
create table sign_in_throttle (
    email_hash      varchar(64) primary key,
    failures        integer     not null,
    window_start_at timestamptz not null,
    locked_until    timestamptz
);
grant select, insert, update, delete on sign_in_throttle to ${app_role};

-- Mail outbox ----------------------------------------------------------------------------------------------------

create table mail_outbox (
    tenant_id       uuid          not null references workspace (id),
    id              uuid          not null,
    recipient       varchar(254)  not null,
    subject         varchar(200)  not null,
    body            varchar(20000) not null,
    status          varchar(16)   not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    claimed_until   timestamptz,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    primary key (tenant_id, id)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_tenant_created_idx on mail_outbox (tenant_id, created_at desc);

alter table mail_outbox enable row level security;
alter table mail_outbox force row level security;
create policy mail_outbox_read on mail_outbox for select using (tenant_id = app_current_tenant() or app_system_scope());
create policy mail_outbox_insert on mail_outbox for insert with check (tenant_id = app_current_tenant());
create policy mail_outbox_update on mail_outbox for update using (tenant_id = app_current_tenant() or app_system_scope())
    with check (tenant_id = app_current_tenant() or app_system_scope());
grant select, insert, update on mail_outbox to ${app_role};

-- Audit log: append-only (no UPDATE or DELETE for the application), hash-chained per workspace ------------------

create table audit_entry (
    tenant_id   uuid          not null references workspace (id),
    seq         bigint        not null,
    occurred_at timestamptz   not null,
    actor_id    uuid,
    actor_email varchar(254),
    action      varchar(64)   not null,
    target      varchar(300),
    ip          varchar(64),
    user_agent  varchar(300),
    details     varchar(2000),
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null,
    primary key (tenant_id, seq)
);
create index audit_entry_tenant_time_idx on audit_entry (tenant_id, occurred_at desc);
create index audit_entry_tenant_action_idx on audit_entry (tenant_id, action, occurred_at desc);
create index audit_entry_tenant_actor_idx on audit_entry (tenant_id, lower(actor_email), occurred_at desc);

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_read on audit_entry for select using (tenant_id = app_current_tenant());
create policy audit_entry_insert on audit_entry for insert with check (tenant_id = app_current_tenant());
grant select, insert on audit_entry to ${app_role};

-- Spring Session JDBC ----------------------------------------------------------------------------------------------

create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
grant select, insert, update, delete on spring_session, spring_session_attributes to ${app_role};
