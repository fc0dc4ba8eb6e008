-- Evidence attachments of findings: files checked by content, kept in PostgreSQL by default.
-- content is null only when another blob store (e.g. an object store) keeps the bytes.

create table finding_evidence (
    tenant_id   uuid          not null,
    id          uuid          not null,
    finding_id  uuid          not null,
    file_name   varchar(255)  not null,
    media_type  varchar(100)  not null
        check (media_type in ('image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'application/zip')),
    size_bytes  bigint        not null check (size_bytes between 1 and 20971520),
    content     bytea,
    uploaded_by uuid          not null,
    uploaded_at timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, finding_id) references finding (tenant_id, id) on delete cascade
);
create index finding_evidence_finding_idx on finding_evidence (tenant_id, finding_id);

do $$
declare
    t text;
begin
    foreach t in array array['finding_evidence'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', t || '_tenant', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;
