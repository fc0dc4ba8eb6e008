package io.bridgehead.clients;

/** Set by the firm; independent of archiving. */
public enum ClientStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive");

    private final String label;

    ClientStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
