package io.bridgehead.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each plan allows: how many (non-archived) clients, configurable per installation, and whether the client portal
 * may carry the workspace's own branding (a fixed rule).
 */
@ConfigurationProperties("bridgehead.plans")
public record PlanAllowances(
        @DefaultValue("3") int starterClients,
        @DefaultValue("100") int proClients,
        @DefaultValue("500") int teamClients) {

    public int clientLimit(Plan plan) {
        return switch (plan) {
            case STARTER -> starterClients;
            case PRO -> proClients;
            case TEAM -> teamClients;
        };
    }

    /** Pro and Team may upload a portal logo and remove the "Powered by Bridgehead" badge; Starter may not. */
    public boolean customBranding(Plan plan) {
        return plan != Plan.STARTER;
    }
}
