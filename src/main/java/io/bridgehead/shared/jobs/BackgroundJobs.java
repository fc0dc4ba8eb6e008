package io.bridgehead.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The cluster-safe job runner (db-scheduler on PostgreSQL): each module contributes its tasks as beans and schedules
 * them through {@link #client()}, which joins the caller's transaction, so a job exists exactly when the work that
 * asked for it was committed. The runner starts last and stops first (jobs only ever run against a migrated database
 * and a complete context); a stopped runner cannot start again, so each start builds a new one.
 */
@Component
public class BackgroundJobs implements SmartLifecycle {

    private final DataSource dataSource;
    private final List<Task<?>> tasks;
    private final JobProperties properties;
    private final SchedulerClient client;
    private volatile Scheduler running;

    BackgroundJobs(DataSource dataSource, List<Task<?>> tasks, JobProperties properties) {
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.tasks = List.copyOf(tasks);
        this.properties = properties;
        this.client =
                SchedulerClient.Builder.create(this.dataSource, this.tasks).build();
    }

    public SchedulerClient client() {
        return client;
    }

    /** Looks for due jobs now instead of at the next poll. */
    public void checkNow() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        Scheduler scheduler = Scheduler.create(dataSource, tasks)
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .threads(properties.threads())
                .pollUsingLockAndFetch(0.5, 1.0)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
        running = scheduler;
    }

    @Override
    public void stop() {
        Scheduler scheduler = running;
        running = null;
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
