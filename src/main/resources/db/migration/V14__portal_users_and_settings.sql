-- Client portal: per-client portal settings, project visibility, portal users with TOTP and recovery codes, and their
-- single-use links (invitations, password resets).

alter table client
    add column portal_enabled                boolean       not null default false,
    add column portal_show_cvss              boolean       not null default true,
    add column portal_show_technical_details boolean       not null default true,
    add column portal_show_references        boolean       not null default true,
    add column portal_show_evidence          boolean       not null default true,
    -- One CIDR per line, validated when saved; empty allows every address.
    add column portal_ip_allowlist           varchar(4000) not null default '';

alter table project add column visible_to_client boolean not null default true;
create index project_client_visible_idx on project (tenant_id, client_id) where visible_to_client;

create table portal_user (
    tenant_id           uuid         not null references workspace (id),
    id                  uuid         not null,
    client_id           uuid         not null,
    email               varchar(254) not null,
    full_name           varchar(120) not null,
    role                varchar(16)  not null check (role in ('VIEWER', 'COLLABORATOR', 'MANAGER')),
    status              varchar(16)  not null check (status in ('INVITED', 'ACTIVE', 'REMOVED')),
    password_hash       varchar(255),
    totp_secret         varchar(64),
    -- The last 30-second TOTP step accepted, so a code is never accepted twice.
    totp_last_step      bigint,
    mfa_enrolled_at     timestamptz,
    password_changed_at timestamptz,
    invited_at          timestamptz  not null,
    invited_by          uuid         not null,
    last_sign_in_at     timestamptz,
    removed_at          timestamptz,
    created_at          timestamptz  not null,
    version             integer      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id) on delete cascade
);
-- Portal sign-in starts from the workspace's address and the e-mail, so e-mails are unique per workspace.
create unique index portal_user_email_uk on portal_user (tenant_id, lower(email));
create index portal_user_client_idx on portal_user (tenant_id, client_id, lower(full_name));

create table portal_recovery_code (
    tenant_id uuid        not null,
    user_id   uuid        not null,
    code_hash varchar(64) not null,
    used_at   timestamptz,
    primary key (tenant_id, user_id, code_hash),
    foreign key (tenant_id, user_id) references portal_user (tenant_id, id) on delete cascade
);

create table portal_link (
    tenant_id  uuid        not null,
    id         uuid        not null,
    user_id    uuid        not null,
    purpose    varchar(16) not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    token_hash varchar(64) not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references portal_user (tenant_id, id) on delete cascade
);
create unique index portal_link_token_uk on portal_link (tenant_id, token_hash);
create index portal_link_user_idx on portal_link (tenant_id, user_id, purpose);

do $$
declare
    t text;
begin
    foreach t in array array['portal_user', 'portal_recovery_code', 'portal_link'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())', t || '_tenant', t);
    end loop;
end $$;
grant select, insert, update on portal_user, portal_link to ${app_role};
grant select, insert, update, delete on portal_recovery_code to ${app_role};

-- Portal users receive in-app notifications too, so a recipient is a staff user or a portal user.
alter table notification drop constraint notification_tenant_id_recipient_id_fkey;
