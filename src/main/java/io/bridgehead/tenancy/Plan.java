package io.bridgehead.tenancy;

/** What a workspace pays for; allowances grow with the plan. */
public enum Plan {
    STARTER("Starter", 3, false),
    PRO("Pro", 100, true),
    TEAM("Team", 500, true);

    private final String label;
    private final int clientLimit;
    private final boolean customBranding;

    Plan(String label, int clientLimit, boolean customBranding) {
        this.label = label;
        this.clientLimit = clientLimit;
        this.customBranding = customBranding;
    }

    public String label() {
        return label;
    }

    public int clientLimit() {
        return clientLimit;
    }

    public boolean customBranding() {
        return customBranding;
    }
}
