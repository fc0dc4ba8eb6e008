package io.bridgehead.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many (non-archived) clients each plan allows; configurable per installation. */
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
}
