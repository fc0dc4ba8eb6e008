-- Per client: which logos the cover of its reports shows.
alter table client
    add column report_firm_logo   boolean not null default true,
    add column report_client_logo boolean not null default true;
