package io.bridgehead.shared.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often a node looks for due jobs
 * @param threads jobs one node runs at once (a report rendering takes up to a few hundred MB of heap)
 * @param heartbeatInterval a running job's sign of life; after missing several, another node revives the job
 */
@ConfigurationProperties("bridgehead.jobs")
record JobProperties(
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1") int threads,
        @DefaultValue("30s") Duration heartbeatInterval) {}
