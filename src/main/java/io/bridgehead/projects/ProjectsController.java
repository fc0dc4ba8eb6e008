package io.bridgehead.projects;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.clients.ClientOption;
import io.bridgehead.clients.Clients;
import io.bridgehead.identity.StaffDirectory;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

@Controller
@RequestMapping("/projects")
class ProjectsController {

    private final Projects projects;
    private final Clients clients;
    private final StaffDirectory staff;
    private final Permissions permissions;

    ProjectsController(Projects projects, Clients clients, StaffDirectory staff, Permissions permissions) {
        this.projects = projects;
        this.clients = clients;
        this.staff = staff;
        this.permissions = permissions;
    }

    @ModelAttribute("section")
    String section() {
        return "projects";
    }

    @ModelAttribute("statuses")
    ProjectStatus[] statuses() {
        return ProjectStatus.values();
    }

    @ModelAttribute("types")
    ProjectType[] types() {
        return ProjectType.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) UUID client,
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("projects", projects.list(client, unassigned, archived, page));
        model.addAttribute("unassigned", unassigned);
        model.addAttribute("archived", archived);
        model.addAttribute("clientFilter", client);
        return withClients("projects/list", model);
    }

    @GetMapping("/new")
    String initCreateForm(@RequestParam(required = false) UUID clientId, Model model) {
        permissions.require(Permission.CREATE_PROJECT);
        model.addAttribute("form", ProjectForm.forClient(clientId));
        return withClients("projects/new", model);
    }

    @PostMapping("/new")
    String processCreateForm(
            @Valid @ModelAttribute("form") ProjectForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        permissions.require(Permission.CREATE_PROJECT);
        if (!result.hasErrors()) {
            try {
                UUID id = projects.create(form);
                redirect.addFlashAttribute("flash", "Project created. You are its Owner.");
                return "redirect:/projects/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return withClients("projects/new", model);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("form", projects.get(id).form());
        return detailPage(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ProjectForm form,
            BindingResult result,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        projects.toChange(id);
        if (!result.hasErrors()) {
            try {
                projects.update(id, form, version);
                redirect.addFlashAttribute("flash", "Project saved.");
                return "redirect:/projects/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return detailPage(id, model);
    }

    @PostMapping("/{id}/client")
    String move(@PathVariable UUID id, @RequestParam(required = false) UUID clientId, RedirectAttributes redirect) {
        projects.moveToClient(id, clientId);
        redirect.addFlashAttribute("flash", clientId == null ? "Project is now unassigned." : "Project moved.");
        return "redirect:/projects/" + id;
    }

    @PostMapping("/{id}/assets")
    String addAsset(
            @PathVariable UUID id,
            @Valid @ModelAttribute("assetForm") AssetForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        projects.toChange(id);
        if (!result.hasErrors()) {
            try {
                projects.addAsset(id, form);
                redirect.addFlashAttribute("flash", "Asset added to the scope.");
                return "redirect:/projects/" + id + "#scope";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("form", projects.get(id).form());
        return detailPage(id, model);
    }

    @PostMapping("/{id}/assets/{assetId}/remove")
    String removeAsset(@PathVariable UUID id, @PathVariable UUID assetId, RedirectAttributes redirect) {
        projects.removeAsset(id, assetId);
        redirect.addFlashAttribute("flash", "Asset removed from the scope.");
        return "redirect:/projects/" + id + "#scope";
    }

    @PostMapping("/{id}/team")
    String putOnTeam(
            @PathVariable UUID id,
            @Valid @ModelAttribute("teamForm") TeamMemberForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        projects.toManage(id);
        if (!result.hasErrors()) {
            try {
                projects.putOnTeam(id, form);
                redirect.addFlashAttribute("flash", "Team updated.");
                return "redirect:/projects/" + id + "#team";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("form", projects.get(id).form());
        return detailPage(id, model);
    }

    @PostMapping("/{id}/team/{userId}/remove")
    String removeFromTeam(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect) {
        projects.removeFromTeam(id, userId);
        redirect.addFlashAttribute("flash", "Removed from the team. It takes effect at once.");
        return "redirect:/projects/" + id + "#team";
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        projects.archive(id);
        redirect.addFlashAttribute("flash", "Project archived: it is read-only until restored.");
        return "redirect:/projects/" + id;
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        projects.restore(id);
        redirect.addFlashAttribute("flash", "Project restored.");
        return "redirect:/projects/" + id;
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        if (!projects.canManage(id)) {
            throw new org.springframework.security.access.AccessDeniedException("Only Admins and the Owner delete");
        }
        model.addAttribute("project", projects.get(id));
        return "projects/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String confirmName,
            Model model,
            RedirectAttributes redirect) {
        ProjectView project = projects.get(id);
        try {
            projects.delete(id, confirmName);
        } catch (RuleViolation violation) {
            model.addAttribute("project", project);
            model.addAttribute("confirmError", violation.getMessage());
            return "projects/delete";
        }
        redirect.addFlashAttribute("flash", "Project " + project.name() + " was deleted.");
        return "redirect:/projects";
    }

    @GetMapping("/{id}/activity")
    String activity(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("project", projects.get(id));
        model.addAttribute("activity", projects.activity(id, page));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", io.bridgehead.audit.ActivityFeed.PAGE_SIZE);
        return "projects/activity";
    }

    private String detailPage(UUID id, Model model) {
        ProjectView project = projects.get(id);
        model.addAttribute(
                "activity", projects.activity(id, 0).stream().limit(10).toList());
        model.addAttribute("project", project);
        model.addAttribute("canEdit", projects.canEdit(id) && !project.archived());
        boolean canManage = projects.canManage(id);
        model.addAttribute("canManage", canManage);
        model.addAttribute("assets", projects.assets(id));
        model.addAttribute("team", projects.team(id));
        model.addAttribute("assetKinds", AssetKind.values());
        model.addAttribute("projectRoles", ProjectRole.values());
        // A form whose input could not even be converted (an unknown role) is bound as null: show the blank one.
        if (model.getAttribute("assetForm") == null) {
            model.addAttribute("assetForm", new AssetForm(AssetKind.HOST, ""));
        }
        if (model.getAttribute("teamForm") == null) {
            model.addAttribute("teamForm", new TeamMemberForm(null, ProjectRole.EDITOR));
        }
        if (canManage) {
            model.addAttribute("colleagues", staff.colleagues());
        }
        return withClients("projects/detail", model);
    }

    private String withClients(String view, Model model) {
        List<ClientOption> options = clients.options();
        model.addAttribute("clientOptions", options);
        Map<UUID, String> names = options.stream().collect(Collectors.toMap(ClientOption::id, ClientOption::name));
        model.addAttribute("clientNames", names);
        return view;
    }
}
