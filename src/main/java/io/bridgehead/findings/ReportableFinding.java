package io.bridgehead.findings;

import java.util.List;

/** A finding as a report prints it: its fields and the values of the assets it affects. */
public record ReportableFinding(FindingView finding, List<String> affectedAssets) {

    public ReportableFinding {
        affectedAssets = List.copyOf(affectedAssets);
    }
}
