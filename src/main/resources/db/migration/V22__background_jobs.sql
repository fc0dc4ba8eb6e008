-- Background jobs run on db-scheduler: one row per scheduled execution, claimed cluster-safely with
-- FOR UPDATE SKIP LOCKED, kept alive by heartbeats and revived when its node dies. Not tenant data: a job names
-- its workspace in its instance id and does its work inside that workspace's scope.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${app_role};

-- Report rendering is now such a job. Versions waiting when this runs get their job (read in system scope, the last
-- time: the job knows its workspace, so it no longer claims versions across workspaces).
set local app.scope = 'system';
insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
select 'report-render', tenant_id || '/' || id, now(), false, 1
from report_version where status in ('QUEUED', 'RENDERING');
reset app.scope;
drop policy report_version_system_select on report_version;
drop policy report_version_system_update on report_version;
drop index report_version_queued_idx;
alter table report_version drop column claimed_until;
