package io.bridgehead.reports;

import org.springframework.stereotype.Component;

/**
 * Renders queued reports on demand in tests, where the scheduled job is set to an hour: {@link #drain()} runs the real
 * {@link ReportRenderJob} until no version is due, a bounded number of times.
 */
@Component
public class RenderQueue {

    private static final int MAX_ROUNDS = 50;

    private final ReportRenderJob job;

    RenderQueue(ReportRenderJob job) {
        this.job = job;
    }

    /** Renders every due version of every workspace; returns how many were rendered. */
    public int drain() {
        int rendered = 0;
        while (rendered < MAX_ROUNDS && job.renderOne()) {
            rendered++;
        }
        return rendered;
    }
}
