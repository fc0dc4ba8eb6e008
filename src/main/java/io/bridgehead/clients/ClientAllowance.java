package io.bridgehead.clients;

import io.bridgehead.tenancy.Plan;

/** Clients used against the plan's allowance; archived clients do not count. */
public record ClientAllowance(Plan plan, long used, int limit) {

    public boolean reached() {
        return used >= limit;
    }
}
