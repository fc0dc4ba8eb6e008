package io.bridgehead.findings;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the remediation-loop events that tests publish, so a test can see what a listener in another module gets. */
@Component
class RecordedFindingEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(FindingVerificationRecorded event) {
        events.add(event);
    }

    @EventListener
    void on(FindingRemediationReported event) {
        events.add(event);
    }

    List<FindingVerificationRecorded> verificationsOf(UUID findingId) {
        return events.stream()
                .filter(FindingVerificationRecorded.class::isInstance)
                .map(FindingVerificationRecorded.class::cast)
                .filter(e -> e.findingId().equals(findingId))
                .toList();
    }

    List<FindingRemediationReported> reportsOf(UUID findingId) {
        return events.stream()
                .filter(FindingRemediationReported.class::isInstance)
                .map(FindingRemediationReported.class::cast)
                .filter(e -> e.findingId().equals(findingId))
                .toList();
    }
}
