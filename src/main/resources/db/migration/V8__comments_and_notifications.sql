-- Comments on findings (internal or shared with the client) and in-app notifications for staff users.

create table finding_comment (
    tenant_id   uuid           not null,
    id          uuid           not null,
    finding_id  uuid           not null,
    author_id   uuid           not null,
    author_name varchar(120)   not null,
    body        varchar(20000) not null,
    visibility  varchar(16)    not null default 'INTERNAL' check (visibility in ('INTERNAL', 'SHARED')),
    created_at  timestamptz    not null,
    edited_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, finding_id) references finding (tenant_id, id) on delete cascade
);
create index finding_comment_idx on finding_comment (tenant_id, finding_id, created_at);

create table notification (
    tenant_id    uuid         not null,
    id           uuid         not null,
    recipient_id uuid         not null,
    kind         varchar(40)  not null,
    title        varchar(200) not null,
    link         varchar(500) not null,
    created_at   timestamptz  not null,
    read_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, recipient_id) references staff_user (tenant_id, id) on delete cascade
);
create index notification_recipient_idx on notification (tenant_id, recipient_id, read_at, created_at desc);

do $$
declare
    t text;
begin
    foreach t in array array['finding_comment', 'notification'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', t || '_tenant', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;
