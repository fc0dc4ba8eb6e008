package io.bridgehead.portal;

import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.notifications.Notifications;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.ProjectView;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a client's people see: dashboard, projects, findings, reports and notifications — only their own. */
@Controller
@PortalPage
@RequestMapping("/portal/{slug}")
class PortalPagesController {

    private final ClientVisibleProjects projects;
    private final PortalPermissions portalPermissions;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    PortalPagesController(
            ClientVisibleProjects projects,
            PortalPermissions portalPermissions,
            Notifications notifications,
            ApplicationEventPublisher events) {
        this.projects = projects;
        this.portalPermissions = portalPermissions;
        this.notifications = notifications;
        this.events = events;
    }

    @GetMapping({"", "/"})
    String dashboard(Model model) {
        List<ProjectView> visible = projects.ofPortalUser();
        model.addAttribute(
                "activeProjects",
                visible.stream()
                        .filter(p -> p.status() != ProjectStatus.COMPLETED && !p.archived())
                        .count());
        model.addAttribute("projects", visible);
        model.addAttribute("section", "dashboard");
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
    String project(@PathVariable UUID projectId, Model model) {
        ProjectView project = projects.ofPortalUser(projectId);
        viewed("Project " + project.name(), project.id());
        model.addAttribute("project", project);
        model.addAttribute("section", "projects");
        return "portal/project";
    }

    @GetMapping("/reports")
    String reports(Model model) {
        portalPermissions.require(PortalAction.DOWNLOAD_REPORTS);
        model.addAttribute("section", "reports");
        return "portal/reports";
    }

    @GetMapping("/notifications")
    String notificationList(@RequestParam(defaultValue = "0") int page, Model model) {
        portalPermissions.require(PortalAction.SEE);
        model.addAttribute("items", notifications.recent(page));
        model.addAttribute("section", "notifications");
        return "portal/notifications";
    }

    @PostMapping("/notifications/{id}/open")
    String openNotification(@PathVariable UUID id) {
        portalPermissions.require(PortalAction.SEE);
        return "redirect:" + notifications.markRead(id);
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@PathVariable String slug, RedirectAttributes redirect) {
        portalPermissions.require(PortalAction.SEE);
        notifications.markAllRead();
        redirect.addFlashAttribute("flash", "All notifications marked read.");
        return "redirect:/portal/" + slug + "/notifications";
    }

    /** Pages a client's person opens are audited, so the firm can see who looked at what. */
    private void viewed(String target, UUID projectId) {
        PortalActor actor = portalPermissions.current();
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.PORTAL_PAGE_VIEWED, target, null)
                .about(actor.clientId(), projectId, null));
    }
}
