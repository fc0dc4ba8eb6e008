package io.bridgehead.findings;

import io.bridgehead.clients.PortalSettingsForm;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A client's portal as the firm's Admin sets it up (through {@link TestPortal}), and findings with every field filled in. */
@Component
class PortalFixtures {

    static final String CVSS31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    static final String CVSS40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    private final TestPortal portal;
    private final ClientVisibleProjects visibleProjects;
    private final Findings findings;

    PortalFixtures(TestPortal portal, ClientVisibleProjects visibleProjects, Findings findings) {
        this.portal = portal;
        this.visibleProjects = visibleProjects;
        this.findings = findings;
    }

    /** Opens the client's portal showing every optional field. */
    void open(TestWorkspace workspace, UUID clientId) {
        open(workspace, clientId, true);
    }

    /** Opens the client's portal showing all optional fields, or none of them. */
    void open(TestWorkspace workspace, UUID clientId, boolean showFields) {
        portal.change(
                workspace, clientId, new PortalSettingsForm(true, showFields, showFields, showFields, showFields, ""));
    }

    void close(TestWorkspace workspace, UUID clientId) {
        portal.change(workspace, clientId, new PortalSettingsForm(false, true, true, true, true, ""));
    }

    void hide(TestWorkspace workspace, UUID projectId) {
        ActingAs.run(workspace, workspace.admin(), () -> visibleProjects.show(projectId, false));
    }

    /** A finding with every field filled in, each holding {@code marker} only where the firm keeps it internal. */
    UUID finding(TestWorkspace workspace, UUID projectId, String title, Severity severity, String internalMarker) {
        FindingForm form = new FindingForm(
                title,
                severity,
                CVSS31,
                CVSS40,
                new BigDecimal("9.3"),
                "The **description** of " + title,
                "The impact",
                "The remediation",
                "Technical *details*",
                "https://owasp.org/Top10/\nCWE-89",
                "Internal notes: " + internalMarker,
                null,
                List.of());
        return ActingAs.call(workspace, workspace.admin(), () -> findings.create(projectId, form));
    }
}
