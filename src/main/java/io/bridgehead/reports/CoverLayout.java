package io.bridgehead.reports;

/** How a template lays out the report's cover; the PDF's built-in CSS draws each one. */
enum CoverLayout {
    CLASSIC("Classic: logos at the top, title and facts below"),
    BANNER("Banner: title and client on a band in the primary colour"),
    MINIMAL("Minimal: no logos, title and facts only");

    static final String PATTERN = "^(CLASSIC|BANNER|MINIMAL)$";

    private final String label;

    CoverLayout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A stored value, or Classic for versions made before templates chose a cover. */
    static CoverLayout of(String value) {
        for (CoverLayout layout : values()) {
            if (layout.name().equals(value)) {
                return layout;
            }
        }
        return CLASSIC;
    }
}
