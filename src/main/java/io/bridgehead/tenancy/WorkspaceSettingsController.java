package io.bridgehead.tenancy;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/workspace")
class WorkspaceSettingsController {

    private final Workspaces workspaces;
    private final PortalAddresses addresses;
    private final Permissions permissions;

    WorkspaceSettingsController(Workspaces workspaces, PortalAddresses addresses, Permissions permissions) {
        this.workspaces = workspaces;
        this.addresses = addresses;
        this.permissions = permissions;
    }

    @ModelAttribute("section")
    String section() {
        return "workspace";
    }

    @GetMapping
    String initForm(Model model) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        WorkspaceView workspace = workspaces.current();
        model.addAttribute("form", settingsOf(workspace));
        model.addAttribute("slugForm", new SlugChange("", null));
        return page(model, workspace);
    }

    @PostMapping
    String processForm(
            @Valid @ModelAttribute("form") WorkspaceSettings form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("slugForm", new SlugChange("", null));
            return page(model, workspaces.current());
        }
        workspaces.updateSettings(form);
        redirect.addFlashAttribute(
                "flash", "Workspace settings saved. The new timeouts apply from each user's next sign-in.");
        return "redirect:/admin/workspace";
    }

    @PostMapping("/portal-address")
    String changePortalAddress(
            @ModelAttribute("slugForm") SlugChange change,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return refused(model, response);
        }
        try {
            WorkspaceView changed = workspaces.changeSlug(change);
            redirect.addFlashAttribute(
                    "flash",
                    "Portal address changed to " + addresses.baseUrl(changed.slug())
                            + ". The old address keeps leading to your portal for 30 days.");
            return "redirect:/admin/workspace";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return refused(model, response);
        }
    }

    private String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        WorkspaceView workspace = workspaces.current();
        model.addAttribute("form", settingsOf(workspace));
        return page(model, workspace);
    }

    private String page(Model model, WorkspaceView workspace) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("portalUrls", addresses.allUrls(workspace.slug()));
        model.addAttribute(
                "slugLockedUntil",
                workspaces
                        .slugChangeLockedUntil(workspace)
                        .map(Workspaces::formatMinute)
                        .orElse(null));
        return "tenancy/workspace";
    }

    private static WorkspaceSettings settingsOf(WorkspaceView workspace) {
        return new WorkspaceSettings(
                workspace.name(), workspace.idleTimeoutMinutes(), workspace.portalIdleTimeoutMinutes());
    }
}
