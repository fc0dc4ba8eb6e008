package io.bridgehead.reports;

import io.bridgehead.shared.jobs.BackgroundJobs;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Renders queued reports on demand in tests, where db-scheduler polls only once an hour: {@link #drain()} wakes the
 * real scheduler and waits until it has run every due render job.
 */
@Component
public class RenderQueue {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BackgroundJobs jobs;
    private final JdbcTemplate jdbc;

    RenderQueue(BackgroundJobs jobs, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /** Runs every due render job of every workspace; returns how many there were. */
    public int drain() {
        int due = due();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (due() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Report rendering did not finish within " + PATIENCE);
            }
            jobs.checkNow();
            pause();
        }
        return due;
    }

    private int due() {
        Integer count = jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = ? and execution_time <= now()",
                Integer.class,
                ReportRenderTask.NAME);
        return count == null ? 0 : count;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for report rendering", e);
        }
    }
}
