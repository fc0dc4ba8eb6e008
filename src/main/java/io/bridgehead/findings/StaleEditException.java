package io.bridgehead.findings;

import java.util.UUID;

/** Someone saved the finding after this user opened it for editing: their edit must not overwrite it. */
public class StaleEditException extends RuntimeException {

    private final UUID projectId;
    private final UUID findingId;

    StaleEditException(UUID projectId, UUID findingId) {
        super("Someone else saved this finding after you opened it. Your changes were not saved.");
        this.projectId = projectId;
        this.findingId = findingId;
    }

    public String newerVersionPath() {
        return "/projects/" + projectId + "/findings/" + findingId;
    }
}
