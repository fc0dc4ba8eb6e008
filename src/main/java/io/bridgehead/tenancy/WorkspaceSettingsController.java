package io.bridgehead.tenancy;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import jakarta.validation.Valid;
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
    private final Permissions permissions;

    WorkspaceSettingsController(Workspaces workspaces, Permissions permissions) {
        this.workspaces = workspaces;
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
        model.addAttribute("workspace", workspace);
        model.addAttribute("form", new WorkspaceSettings(workspace.name(), workspace.idleTimeoutMinutes()));
        return "tenancy/workspace";
    }

    @PostMapping
    String processForm(
            @Valid @ModelAttribute("form") WorkspaceSettings form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("workspace", workspaces.current());
            return "tenancy/workspace";
        }
        workspaces.updateSettings(form);
        redirect.addFlashAttribute(
                "flash", "Workspace settings saved. The new timeout applies from each user's next sign-in.");
        return "redirect:/admin/workspace";
    }
}
