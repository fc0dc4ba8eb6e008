-- Client portal, workspace side: the portal's idle timeout, slug changes with released slugs, portal branding.
-- Limits of every text column are listed in docs/architecture.md.

alter table workspace
    add column portal_idle_timeout_minutes integer not null default 15
        check (portal_idle_timeout_minutes between 5 and 720),
    -- Null until the Admin first changes the slug: the first change after creation is always allowed.
    add column slug_changed_at timestamptz;

-- Released slugs ----------------------------------------------------------------------------------------------
-- A slug a workspace gave up stays reserved for that workspace for 30 days: its old portal address keeps leading to
-- it, and no other workspace may take it. Rows older than 30 days mean nothing and may be deleted by their workspace.
-- Resolving a portal address and checking a new slug read across workspaces, hence the system scope on SELECT.

create table workspace_released_slug (
    tenant_id   uuid        not null references workspace (id),
    slug        varchar(63) not null,
    released_at timestamptz not null,
    primary key (tenant_id, slug)
);
create index workspace_released_slug_slug_idx on workspace_released_slug (slug, released_at desc);

alter table workspace_released_slug enable row level security;
alter table workspace_released_slug force row level security;
create policy workspace_released_slug_read on workspace_released_slug for select
    using (tenant_id = app_current_tenant() or app_system_scope());
create policy workspace_released_slug_insert on workspace_released_slug for insert
    with check (tenant_id = app_current_tenant());
create policy workspace_released_slug_update on workspace_released_slug for update
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy workspace_released_slug_delete on workspace_released_slug for delete
    using (tenant_id = app_current_tenant());
grant select, insert, update, delete on workspace_released_slug to ${app_role};

-- Portal branding ---------------------------------------------------------------------------------------------
-- One row per workspace, written on the first save; without a row the portal uses the defaults. Status
-- explanations are keyed by finding status name (tenancy does not know the findings module); null = the default
-- sentence. Welcome and help texts are Markdown, footer and explanations plain text. Plan rules (badge, logo) are
-- applied when reading, so a downgrade hides the logo without deleting it.

create table portal_branding (
    tenant_id                        uuid          not null references workspace (id),
    primary_colour                   varchar(7)    not null check (primary_colour ~ '^#[0-9a-f]{6}$'),
    accent_colour                    varchar(7)    not null check (accent_colour ~ '^#[0-9a-f]{6}$'),
    welcome_message                  varchar(2000) not null default '',
    footer_text                      varchar(300)  not null default '',
    help_text                        varchar(2000) not null default '',
    explain_open                     varchar(300),
    explain_pending_verification     varchar(300),
    explain_retest_requested         varchar(300),
    explain_verified_fixed           varchar(300),
    explain_partially_fixed          varchar(300),
    explain_accepted_risk            varchar(300),
    explain_closed                   varchar(300),
    hide_powered_by                  boolean       not null default false,
    logo_png                         bytea,
    logo_version                     integer       not null default 0,
    updated_at                       timestamptz   not null,
    primary key (tenant_id)
);

alter table portal_branding enable row level security;
alter table portal_branding force row level security;
create policy portal_branding_tenant on portal_branding
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on portal_branding to ${app_role};
