package io.bridgehead.reports;

import io.bridgehead.shared.jobs.BackgroundJobs;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Hands a queued version to the background jobs, inside the transaction that queued it. */
@Component
class ReportRenderQueue {

    private final BackgroundJobs jobs;
    private final ReportRenderTask task;

    ReportRenderQueue(BackgroundJobs jobs, ReportRenderTask task) {
        this.jobs = jobs;
        this.task = task;
    }

    void add(UUID tenantId, UUID versionId) {
        // db-scheduler compares execution times with the system clock, not the application's Clock.
        jobs.client().schedule(task.instanceFor(tenantId, versionId), Instant.now());
    }
}
