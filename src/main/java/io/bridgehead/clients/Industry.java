package io.bridgehead.clients;

public enum Industry {
    FINANCE("Finance & banking"),
    INSURANCE("Insurance"),
    HEALTHCARE("Healthcare"),
    GOVERNMENT("Government & public sector"),
    TECHNOLOGY("Technology & software"),
    TELECOM("Telecommunications"),
    RETAIL("Retail & e-commerce"),
    MANUFACTURING("Manufacturing"),
    ENERGY("Energy & utilities"),
    EDUCATION("Education"),
    LEGAL("Legal & professional services"),
    OTHER("Other");

    private final String label;

    Industry(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
