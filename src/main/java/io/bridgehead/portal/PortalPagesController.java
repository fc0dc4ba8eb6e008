package io.bridgehead.portal;

import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.findings.ClientDashboardFigures;
import io.bridgehead.findings.ClientFacingFindings;
import io.bridgehead.findings.ClientFindingDetail;
import io.bridgehead.findings.ClientFindingFilter;
import io.bridgehead.findings.FindingStatus;
import io.bridgehead.findings.MentionSuggestion;
import io.bridgehead.findings.Severity;
import io.bridgehead.notifications.Notifications;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.reports.Reports;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.tenancy.PortalBranding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a client's people see: dashboard, projects, findings, reports and notifications — only their own. */
@Controller
@PortalPage
@RequestMapping("/portal/{slug}")
class PortalPagesController {

    private static final int RECENT_ACTIVITY = 10;

    private final ClientVisibleProjects projects;
    private final ClientFacingFindings findings;
    private final PortalPermissions portalPermissions;
    private final Notifications notifications;
    private final Reports reports;
    private final ApplicationEventPublisher events;

    PortalPagesController(
            ClientVisibleProjects projects,
            ClientFacingFindings findings,
            PortalPermissions portalPermissions,
            Notifications notifications,
            Reports reports,
            ApplicationEventPublisher events) {
        this.projects = projects;
        this.findings = findings;
        this.portalPermissions = portalPermissions;
        this.notifications = notifications;
        this.reports = reports;
        this.events = events;
    }

    @GetMapping({"", "/"})
    String dashboard(Model model) {
        ClientDashboardFigures figures = findings.dashboard();
        model.addAttribute("figures", figures);
        model.addAttribute("chart", TrendChart.of(figures.trend()));
        model.addAttribute("activity", findings.recentActivity(RECENT_ACTIVITY));
        model.addAttribute("section", "dashboard");
        viewed("Dashboard", null);
        return "portal/dashboard";
    }

    @GetMapping("/projects")
    String projectList(@RequestParam(required = false) ProjectStatus status, Model model) {
        model.addAttribute(
                "projects",
                projects.ofPortalUser().stream()
                        .filter(p -> status == null || p.status() == status)
                        .toList());
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("section", "projects");
        return "portal/projects";
    }

    @GetMapping("/projects/{projectId}")
    String project(
            @PathVariable UUID projectId,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ProjectView project = projects.ofPortalUser(projectId);
        ClientFindingFilter filter = new ClientFindingFilter(severity, status);
        model.addAttribute("project", project);
        model.addAttribute("filter", filter);
        model.addAttribute("findings", findings.list(projectId, filter, Math.max(page, 0)));
        model.addAttribute("showCvss", findings.shownFields().cvss());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute(
                "reports",
                portalPermissions.can(PortalAction.DOWNLOAD_REPORTS)
                        ? reports.releasedToPortalUser(projectId)
                        : List.of());
        model.addAttribute("section", "projects");
        viewed("Project " + project.name(), project.id());
        return "portal/project";
    }

    @GetMapping("/findings/{findingId}")
    String finding(@PathVariable UUID findingId, Model model) {
        ClientFindingDetail finding = findings.get(findingId);
        model.addAttribute("finding", finding);
        model.addAttribute("history", findings.history(findingId));
        model.addAttribute("comments", findings.sharedComments(findingId));
        model.addAttribute(
                "statusExplanation", explanations(model).get(finding.status().label()));
        model.addAttribute("section", "projects");
        viewed(finding.code() + " " + finding.title(), finding.projectId());
        return "portal/finding";
    }

    @PostMapping("/findings/{findingId}/comments")
    String comment(
            @PathVariable String slug,
            @PathVariable UUID findingId,
            @RequestParam(defaultValue = "") String body,
            Model model,
            RedirectAttributes redirect) {
        try {
            findings.comment(findingId, body);
            redirect.addFlashAttribute("flash", "Comment posted.");
            return "redirect:/portal/" + slug + "/findings/" + findingId + "#comments";
        } catch (RuleViolation violation) {
            model.addAttribute("commentError", violation.getMessage());
            model.addAttribute("commentDraft", body);
            return finding(findingId, model);
        }
    }

    /** The project's team members to complete an {@code @mention} with, as JSON for static/js/app.js. */
    @GetMapping(value = "/findings/{findingId}/mentions", produces = "application/json")
    @ResponseBody
    List<MentionSuggestion> mentions(@PathVariable UUID findingId, @RequestParam(defaultValue = "") String q) {
        return findings.mentionSuggestions(findingId, q);
    }

    @PostMapping("/findings/{findingId}/{move:remediated|retest}")
    String move(
            @PathVariable String slug,
            @PathVariable UUID findingId,
            @PathVariable String move,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) FindingStatus seen,
            Model model,
            RedirectAttributes redirect) {
        boolean remediated = move.equals("remediated");
        try {
            if (remediated) {
                findings.markRemediated(findingId, note, seen);
            } else {
                findings.requestRetest(findingId, note, seen);
            }
            redirect.addFlashAttribute(
                    "flash",
                    remediated
                            ? "Marked as remediated. The firm will verify the fix."
                            : "Retest requested. The firm has been told.");
            return "redirect:/portal/" + slug + "/findings/" + findingId;
        } catch (RuleViolation violation) {
            model.addAttribute(
                    "moveError",
                    remediated
                            ? "Describe what you fixed, so the firm can verify it."
                            : "Write a message to the firm with your retest request.");
            return finding(findingId, model);
        }
    }

    @GetMapping("/findings/{findingId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID findingId, @PathVariable UUID evidenceId) {
        return findings.evidenceContent(findingId, evidenceId).response();
    }

    @GetMapping("/reports")
    String reports(Model model) {
        portalPermissions.require(PortalAction.DOWNLOAD_REPORTS);
        model.addAttribute("reports", reports.releasedToPortalUser());
        model.addAttribute("section", "reports");
        viewed("Reports", null);
        return "portal/reports";
    }

    /** A released report's PDF; another client's, an unreleased or a withdrawn version is not found. */
    @GetMapping("/reports/{versionId}")
    ResponseEntity<byte[]> report(@PathVariable UUID versionId) {
        return reports.portalDownload(versionId).response();
    }

    @GetMapping("/help")
    String help(Model model) {
        portalPermissions.require(PortalAction.SEE);
        model.addAttribute("statusExplanations", explanations(model));
        model.addAttribute("section", "help");
        return "portal/help";
    }

    @GetMapping("/notifications")
    String notificationList(@RequestParam(defaultValue = "0") int page, Model model) {
        portalPermissions.require(PortalAction.SEE);
        model.addAttribute("items", notifications.recent(page));
        model.addAttribute("section", "notifications");
        return "portal/notifications";
    }

    /** Goes where the notification points, under the portal's current address (the firm may have renamed it). */
    @PostMapping("/notifications/{id}/open")
    String openNotification(@PathVariable String slug, @PathVariable UUID id) {
        portalPermissions.require(PortalAction.SEE);
        String[] link = notifications.markRead(id).split("/", 4);
        boolean portalLink = link.length == 4 && link[0].isEmpty() && link[1].equals("portal");
        return "redirect:/portal/" + slug + "/" + (portalLink ? link[3] : "");
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@PathVariable String slug, RedirectAttributes redirect) {
        portalPermissions.require(PortalAction.SEE);
        notifications.markAllRead();
        redirect.addFlashAttribute("flash", "All notifications marked read.");
        return "redirect:/portal/" + slug + "/notifications";
    }

    /**
     * The workspace's explanation of each status, by the label the client sees, from the branding {@link PortalModel}
     * already put into the model for this request.
     */
    private static Map<String, String> explanations(Model model) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        ((PortalBranding) model.getAttribute("portalBranding"))
                .statusExplanations()
                .forEach((name, text) -> byLabel.put(FindingStatus.valueOf(name).label(), text));
        return byLabel;
    }

    /** Pages a client's person opens are audited, so the firm can see who looked at what. */
    private void viewed(String target, UUID projectId) {
        PortalActor actor = portalPermissions.current();
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.PORTAL_PAGE_VIEWED, target, null)
                .about(actor.clientId(), projectId, null));
    }
}
