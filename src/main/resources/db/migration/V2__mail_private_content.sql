-- Messages whose body holds a secret meant only for the recipient (password-reset links). The Outgoing mail page
-- shows such a body only while no SMTP server is configured, when copying it is the only way to deliver it.
alter table mail_outbox add column private_content boolean not null default false;
