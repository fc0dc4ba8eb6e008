package io.bridgehead.support;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.identity.StaffAccounts;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.tenancy.Plan;
import io.bridgehead.tenancy.Workspaces;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Creates a fresh workspace with users for one test class, so tests never share or clean up data. */
@Component
public class TestWorkspaces {

    public static final String PASSWORD = "Correct-Horse-7-Battery";

    private final Workspaces workspaces;
    private final StaffAccounts accounts;
    private final ScopedTransactions transactions;

    TestWorkspaces(Workspaces workspaces, StaffAccounts accounts, ScopedTransactions transactions) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    public record TestUser(UUID id, String email, String password, PlatformRole role) {}

    public record TestWorkspace(UUID id, String name, String slug, TestUser admin) {}

    /** A workspace on the Pro plan with one Admin. */
    public TestWorkspace create(String label) {
        return create(label, Plan.PRO);
    }

    /** A workspace on the given plan with one Admin. */
    public TestWorkspace create(String label, Plan plan) {
        UUID id = UUID.randomUUID();
        String name = label + " " + id.toString().substring(0, 8);
        String slug = workspaces.freeSlugFor(name);
        return transactions.writeAs(id, () -> {
            workspaces.create(id, name, plan, slug);
            TestUser admin = newUser(PlatformRole.ADMIN);
            return new TestWorkspace(id, name, slug, admin);
        });
    }

    public TestUser addUser(TestWorkspace workspace, PlatformRole role) {
        return transactions.writeAs(workspace.id(), () -> newUser(role));
    }

    private TestUser newUser(PlatformRole role) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
        UUID userId = accounts.createUser(email, "Test " + role.label(), role, PASSWORD);
        return new TestUser(userId, email, PASSWORD, role);
    }
}
