package io.bridgehead.reports;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler job that renders one report version; its instance id names the workspace and the version
 * ({@code tenant/version}), so the job works inside that workspace only. A job whose node dies is revived (and
 * {@link ReportRenderJob} counts the attempts); one that fails for a passing reason, such as the database being
 * away while the PDF is stored, is tried again a minute later.
 */
@Component
class ReportRenderTask extends OneTimeTask<Void> {

    static final String NAME = "report-render";
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final ReportRenderJob job;

    ReportRenderTask(ReportRenderJob job) {
        super(
                NAME,
                Void.class,
                new FailureHandler.OnFailureRetryLater<>(RETRY),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.job = job;
    }

    TaskInstance<Void> instanceFor(UUID tenantId, UUID versionId) {
        return instance(tenantId + "/" + versionId);
    }

    @Override
    public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
        String[] ids = instance.getId().split("/", 2);
        job.render(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
    }
}
