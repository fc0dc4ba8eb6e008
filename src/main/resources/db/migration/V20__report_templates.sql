-- Report templates that Admins write: data only (colours, a cover subtitle, Markdown sections, filtered CSS). The
-- renderer never parses any of it as a template; see ReportStyle and ReportCss.
create table report_template (
    tenant_id       uuid          not null,
    id              uuid          not null,
    name            varchar(100)  not null,
    primary_colour  varchar(7)    not null default '#0d2a4a' check (primary_colour ~ '^#[0-9a-fA-F]{6}$'),
    accent_colour   varchar(7)    not null default '#eef1f6' check (accent_colour ~ '^#[0-9a-fA-F]{6}$'),
    cover_subtitle  varchar(200)  not null default '',
    introduction    text          not null default '' check (length(introduction) <= 50000),
    closing         text          not null default '' check (length(closing) <= 50000),
    custom_css      text          not null default '' check (length(custom_css) <= 20000),
    created_by      uuid          not null,
    created_at      timestamptz   not null,
    updated_by      uuid          not null,
    updated_at      timestamptz   not null,
    -- Archived templates leave the lists; versions made with them keep pointing at them.
    archived_at     timestamptz,
    primary key (tenant_id, id)
);
-- Names are unique per workspace, ignoring case, among templates still in use.
create unique index report_template_name_idx on report_template (tenant_id, lower(name)) where archived_at is null;

do $$
declare
    t text;
begin
    foreach t in array array['report_template'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', t || '_tenant', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;

-- Which template a version was made with; null for the built-in Default (and for every version made before this).
alter table report_version add column template_id uuid;
alter table report_version add constraint report_version_template_fk
    foreign key (tenant_id, template_id) references report_template (tenant_id, id);
