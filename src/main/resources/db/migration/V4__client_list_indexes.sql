-- Client list indexes, from the benchmark with 10,000 clients and 100,000 projects (bench/client-list.sh).

-- The archived list is ordered by archived_at desc, id desc; V3's index had id ascending, so PostgreSQL added a sort
-- step. Same columns, the list's order.
drop index client_archived_idx;
create index client_archived_idx on client (tenant_id, archived_at desc, id desc) where archived_at is not null;

-- The count above the list ("9,500 clients"), with or without the list's filters (industry, status, with/without
-- active projects), read from this small index rather than the table.
create index client_filter_idx on client (tenant_id, industry, status, active_projects) where archived_at is null;
