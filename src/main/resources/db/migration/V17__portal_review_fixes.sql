-- A portal user's new e-mail is confirmed from that address before it counts; status notes written before the portal
-- existed stay with the firm.

alter table portal_link drop constraint portal_link_purpose_check;
alter table portal_link add constraint portal_link_purpose_check
    check (purpose in ('INVITATION', 'PASSWORD_RESET', 'EMAIL_CHANGE'));
alter table portal_link add column new_email varchar(254);

-- Notes of status changes were firm-only until the portal came; from now on they are shared with the client.
alter table finding_history add column note_shared boolean not null default true;
-- The owner runs migrations and is bound by forced row-level security; for this one backfill it steps out of it.
alter table finding_history no force row level security;
update finding_history set note_shared = false where note <> '';
alter table finding_history force row level security;
