package io.bridgehead.portal;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PortalRole;
import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.clients.Clients;
import io.bridgehead.clients.PortalSettingsForm;
import io.bridgehead.clients.ReportBranding;
import io.bridgehead.identity.PortalUserForm;
import io.bridgehead.identity.PortalUserView;
import io.bridgehead.identity.PortalUsers;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import io.bridgehead.tenancy.PortalAddresses;
import io.bridgehead.tenancy.Workspaces;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The firm's side of a client's portal, on the client's Settings tab: the switch, which finding fields and projects it
 * shows, the address allowlist, and the client's portal users.
 */
@Controller
@RequestMapping("/clients/{clientId}")
class ClientPortalAdminController {

    private final Clients clients;
    private final ClientPortals portals;
    private final ClientVisibleProjects visibleProjects;
    private final PortalUsers users;
    private final Workspaces workspaces;
    private final PortalAddresses addresses;
    private final Permissions permissions;

    ClientPortalAdminController(
            Clients clients,
            ClientPortals portals,
            ClientVisibleProjects visibleProjects,
            PortalUsers users,
            Workspaces workspaces,
            PortalAddresses addresses,
            Permissions permissions) {
        this.clients = clients;
        this.portals = portals;
        this.visibleProjects = visibleProjects;
        this.users = users;
        this.workspaces = workspaces;
        this.addresses = addresses;
        this.permissions = permissions;
    }

    @GetMapping("/settings")
    String settings(@PathVariable UUID clientId, Model model) {
        if (!model.containsAttribute("portalForm")) {
            model.addAttribute("portalForm", PortalSettingsForm.of(portals.settings(clientId)));
        }
        return settingsPage(clientId, model);
    }

    @PostMapping("/portal")
    String changePortal(
            @PathVariable UUID clientId,
            @Valid @ModelAttribute("portalForm") PortalSettingsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ClientPortalSettings saved = portals.change(clientId, form);
                redirect.addFlashAttribute(
                        "flash",
                        saved.enabled()
                                ? "Portal settings saved."
                                : "Portal settings saved. The portal is off: its users cannot sign in.");
                return "redirect:/clients/" + clientId + "/settings";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return settingsPage(clientId, model);
    }

    @PostMapping("/report-branding")
    String changeReportBranding(
            @PathVariable UUID clientId, @ModelAttribute ReportBranding branding, RedirectAttributes redirect) {
        portals.changeReportBranding(clientId, branding);
        redirect.addFlashAttribute("flash", "Report branding saved. It applies to reports generated from now on.");
        return "redirect:/clients/" + clientId + "/settings#report-branding";
    }

    @PostMapping("/portal/projects/{projectId}")
    String showProject(
            @PathVariable UUID clientId,
            @PathVariable UUID projectId,
            @RequestParam boolean visible,
            RedirectAttributes redirect) {
        visibleProjects.show(projectId, visible);
        redirect.addFlashAttribute(
                "flash", visible ? "The project is visible in the portal." : "The project is hidden from the portal.");
        return "redirect:/clients/" + clientId + "/settings#portal-projects";
    }

    // Portal users ---------------------------------------------------------------------------------------------------

    @GetMapping("/portal-users/new")
    String initInviteForm(@PathVariable UUID clientId, Model model) {
        model.addAttribute("form", PortalUserForm.empty());
        return userForm(clientId, null, model);
    }

    @PostMapping("/portal-users/new")
    String processInviteForm(
            @PathVariable UUID clientId,
            @Valid @ModelAttribute("form") PortalUserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.invite(clientId, form);
                redirect.addFlashAttribute(
                        "flash", "Invitation sent to " + form.email().strip() + ".");
                return "redirect:/clients/" + clientId + "/settings#portal-users";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return userForm(clientId, null, model);
    }

    @GetMapping("/portal-users/{userId}")
    String initUpdateForm(@PathVariable UUID clientId, @PathVariable UUID userId, Model model) {
        PortalUserView user = users.get(clientId, userId);
        model.addAttribute("form", new PortalUserForm(user.email(), user.fullName(), user.role()));
        return userForm(clientId, user, model);
    }

    @PostMapping("/portal-users/{userId}")
    String processUpdateForm(
            @PathVariable UUID clientId,
            @PathVariable UUID userId,
            @Valid @ModelAttribute("form") PortalUserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.update(clientId, userId, form);
                redirect.addFlashAttribute(
                        "flash", "Saved the changes to " + form.fullName().strip() + ".");
                return "redirect:/clients/" + clientId + "/settings#portal-users";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return userForm(clientId, users.get(clientId, userId), model);
    }

    @PostMapping("/portal-users/{userId}/resend")
    String resend(@PathVariable UUID clientId, @PathVariable UUID userId, RedirectAttributes redirect) {
        users.resendInvitation(clientId, userId);
        redirect.addFlashAttribute("flash", "A new invitation was sent; the previous link no longer works.");
        return "redirect:/clients/" + clientId + "/portal-users/" + userId;
    }

    @GetMapping("/portal-users/{userId}/{action:remove|reset-mfa}")
    String confirm(@PathVariable UUID clientId, @PathVariable UUID userId, @PathVariable String action, Model model) {
        model.addAttribute("client", clients.details(clientId));
        model.addAttribute("user", users.get(clientId, userId));
        model.addAttribute("action", action);
        model.addAttribute("section", "clients");
        return "portal/admin/user-confirm";
    }

    @PostMapping("/portal-users/{userId}/remove")
    String remove(@PathVariable UUID clientId, @PathVariable UUID userId, RedirectAttributes redirect) {
        PortalUserView user = users.get(clientId, userId);
        users.remove(clientId, userId);
        redirect.addFlashAttribute("flash", user.fullName() + " no longer has access; their open sessions have ended.");
        return "redirect:/clients/" + clientId + "/settings#portal-users";
    }

    @PostMapping("/portal-users/{userId}/restore")
    String restore(@PathVariable UUID clientId, @PathVariable UUID userId, RedirectAttributes redirect) {
        users.restore(clientId, userId);
        PortalUserView user = users.get(clientId, userId);
        redirect.addFlashAttribute(
                "flash",
                user.status().name().equals("INVITED")
                        ? "Access restored; a new invitation was sent to " + user.email() + "."
                        : "Access restored for " + user.fullName() + ".");
        return "redirect:/clients/" + clientId + "/portal-users/" + userId;
    }

    @PostMapping("/portal-users/{userId}/reset-mfa")
    String resetMfa(@PathVariable UUID clientId, @PathVariable UUID userId, RedirectAttributes redirect) {
        users.resetMfa(clientId, userId);
        redirect.addFlashAttribute(
                "flash", "Two-step sign-in was reset. At the next sign-in they set up a new authenticator app.");
        return "redirect:/clients/" + clientId + "/portal-users/" + userId;
    }

    private String settingsPage(UUID clientId, Model model) {
        model.addAttribute("client", clients.details(clientId));
        model.addAttribute("tab", "settings");
        model.addAttribute("section", "clients");
        model.addAttribute("portal", portals.settings(clientId));
        model.addAttribute("reportBranding", portals.reportBranding(clientId));
        model.addAttribute("projects", visibleProjects.ofClient(clientId));
        model.addAttribute(
                "portalAddress", addresses.baseUrl(workspaces.current().slug()) + "/login");
        boolean mayManage = permissions.can(Permission.MANAGE_PORTAL_USERS);
        model.addAttribute("mayManage", mayManage);
        if (mayManage) {
            model.addAttribute("users", users.ofClient(clientId));
        }
        return "portal/admin/settings";
    }

    /** Invite and edit forms are for those who manage portal users, also when re-shown with errors. */
    private String userForm(UUID clientId, PortalUserView user, Model model) {
        permissions.require(Permission.MANAGE_PORTAL_USERS);
        model.addAttribute("client", clients.details(clientId));
        model.addAttribute("user", user);
        model.addAttribute("roles", PortalRole.values());
        model.addAttribute("section", "clients");
        return "portal/admin/user-form";
    }
}
