package io.bridgehead.projects;

import io.bridgehead.clients.ClientOption;
import io.bridgehead.clients.Clients;
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

    ProjectsController(Projects projects, Clients clients) {
        this.projects = projects;
        this.clients = clients;
    }

    @ModelAttribute("section")
    String section() {
        return "projects";
    }

    @ModelAttribute("statuses")
    ProjectStatus[] statuses() {
        return ProjectStatus.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) UUID client,
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("projects", projects.list(client, unassigned, page));
        model.addAttribute("unassigned", unassigned);
        model.addAttribute("clientFilter", client);
        return withClients("projects/list", model);
    }

    @GetMapping("/new")
    String initCreateForm(@RequestParam(required = false) UUID clientId, Model model) {
        model.addAttribute("form", new ProjectForm("", clientId, ProjectStatus.PLANNED, null, null));
        return withClients("projects/new", model);
    }

    @PostMapping("/new")
    String processCreateForm(
            @Valid @ModelAttribute("form") ProjectForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
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
        ProjectView project = projects.get(id);
        model.addAttribute("project", project);
        model.addAttribute(
                "form",
                new ProjectForm(
                        project.name(), project.clientId(), project.status(), project.startDate(), project.endDate()));
        return detailPage(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ProjectForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                projects.update(id, form);
                redirect.addFlashAttribute("flash", "Project saved.");
                return "redirect:/projects/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("project", projects.get(id));
        return detailPage(id, model);
    }

    @PostMapping("/{id}/client")
    String move(@PathVariable UUID id, @RequestParam(required = false) UUID clientId, RedirectAttributes redirect) {
        projects.moveToClient(id, clientId);
        redirect.addFlashAttribute("flash", clientId == null ? "Project is now unassigned." : "Project moved.");
        return "redirect:/projects/" + id;
    }

    private String detailPage(UUID id, Model model) {
        model.addAttribute("canEdit", projects.canEdit(id));
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
