-- The activity feeds of projects and clients read the audit log by what an entry is about.
alter table audit_entry
    add column client_id  uuid,
    add column project_id uuid,
    add column link       varchar(300);

create index audit_entry_project_idx on audit_entry (tenant_id, project_id, seq desc) where project_id is not null;
create index audit_entry_client_idx on audit_entry (tenant_id, client_id, seq desc) where client_id is not null;
