package io.bridgehead.identity;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.web.PublicUrl;
import io.bridgehead.tenancy.Plan;
import io.bridgehead.tenancy.Workspaces;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no workspace at all), creates the "Demo Security" workspace and its Admin, and prints the
 * Admin's one-time password once. Nothing is printed on later starts; the password must be changed at first sign-in.
 */
@Component
class DemoWorkspaceSetup {

    static final String ADMIN_EMAIL = "admin@demo.local";

    private final Workspaces workspaces;
    private final StaffAccounts accounts;
    private final ScopedTransactions transactions;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;

    DemoWorkspaceSetup(
            Workspaces workspaces,
            StaffAccounts accounts,
            ScopedTransactions transactions,
            IdentityProperties properties,
            PublicUrl publicUrl,
            ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.transactions = transactions;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnFirstStart() {
        if (!properties.demoWorkspace() || workspaces.anyExist()) {
            System.out.println(readyBanner(null));
            return;
        }
        UUID id = UUID.randomUUID();
        String slug = workspaces.freeSlugFor("Demo Security");
        String password = transactions.writeAs(id, () -> {
            workspaces.create(id, "Demo Security", Plan.TEAM, slug);
            return accounts.createFirstAdmin(ADMIN_EMAIL, "Demo Admin");
        });
        events.publishEvent(AuditEvent.byAccount(
                id,
                null,
                null,
                AuditAction.WORKSPACE_CREATED,
                "Demo Security, first start; one-time Admin password issued to " + ADMIN_EMAIL));
        System.out.println(readyBanner(password));
    }

    private String readyBanner(String password) {
        String line = "=".repeat(72);
        StringBuilder banner = new StringBuilder("\n")
                .append(line)
                .append('\n')
                .append("  Bridgehead is ready at ")
                .append(publicUrl.base())
                .append('\n');
        if (password != null) {
            banner.append('\n')
                    .append("  First sign-in (shown only this once):\n")
                    .append("    e-mail:             ")
                    .append(ADMIN_EMAIL)
                    .append('\n')
                    .append("    one-time password:  ")
                    .append(password)
                    .append('\n')
                    .append("  You will be asked to choose your own password at once.\n");
        }
        return banner.append(line).append('\n').toString();
    }
}
