package io.bridgehead.tenancy;

/** What a workspace pays for; allowances grow with the plan (see {@link PlanAllowances}). */
public enum Plan {
    STARTER("Starter"),
    PRO("Pro"),
    TEAM("Team");

    private final String label;

    Plan(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
