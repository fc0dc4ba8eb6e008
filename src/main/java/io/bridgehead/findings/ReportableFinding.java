package io.bridgehead.findings;

import java.util.List;

/** A finding as a report prints it: its fields, the values of the assets it affects and its image evidence. */
public record ReportableFinding(FindingView finding, List<String> affectedAssets, List<EvidenceView> images) {

    public ReportableFinding {
        affectedAssets = List.copyOf(affectedAssets);
        images = List.copyOf(images);
    }
}
