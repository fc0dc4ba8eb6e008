package io.bridgehead.clients;

import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.images.LogoRejected;
import io.bridgehead.shared.images.LogoUpload;
import io.bridgehead.shared.web.FormErrors;
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

/** Creating, viewing (tabs), editing, archiving, restoring and deleting a client. */
@Controller
@RequestMapping("/clients")
class ClientController {

    private final Clients clients;
    private final ClientContacts contacts;
    private final ClientNotes notes;

    ClientController(Clients clients, ClientContacts contacts, ClientNotes notes) {
        this.clients = clients;
        this.contacts = contacts;
        this.notes = notes;
    }

    @ModelAttribute("section")
    String section() {
        return "clients";
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        model.addAttribute("form", ClientForm.empty());
        return createPage(model);
    }

    @PostMapping("/new")
    String processCreateForm(
            @Valid @ModelAttribute("form") ClientForm form,
            BindingResult result,
            LogoUpload logo,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return createPage(model);
        }
        try {
            UUID id = clients.create(form, logo.present() ? logo.bytes() : null, logo.crop());
            redirect.addFlashAttribute("flash", "Client " + form.name().strip() + " created.");
            return "redirect:/clients/" + id;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
        } catch (LogoRejected rejected) {
            model.addAttribute("logoError", rejected.getMessage());
        }
        return createPage(model);
    }

    private String createPage(Model model) {
        model.addAttribute("industries", Industry.values());
        model.addAttribute("unassigned", clients.unassignedProjects());
        model.addAttribute("allowance", clients.allowance());
        return "clients/new";
    }

    @GetMapping("/{id}")
    String overview(@PathVariable UUID id, Model model) {
        model.addAttribute("projectCounts", clients.projectCountsOf(id));
        model.addAttribute("openFindings", clients.openFindingsOf(id));
        model.addAttribute("contacts", contacts.of(id));
        return tab(id, "overview", model);
    }

    @GetMapping("/{id}/projects")
    String projects(@PathVariable UUID id, @RequestParam(required = false) String status, Model model) {
        model.addAttribute("projects", clients.projectsOf(id, status));
        model.addAttribute("statusFilter", status);
        model.addAttribute("projectCounts", clients.projectCountsOf(id));
        return tab(id, "projects", model);
    }

    @GetMapping("/{id}/contacts")
    String contacts(@PathVariable UUID id, Model model) {
        model.addAttribute("contacts", contacts.of(id));
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", ContactForm.empty());
        }
        return tab(id, "contacts", model);
    }

    @GetMapping("/{id}/notes")
    String notes(@PathVariable UUID id, Model model) {
        model.addAttribute("notes", notes.of(id));
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", new NoteForm(""));
        }
        return tab(id, "notes", model);
    }

    @GetMapping("/{id}/activity")
    String activity(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("activity", clients.activity(id, page));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", io.bridgehead.audit.ActivityFeed.PAGE_SIZE);
        return tab(id, "activity", model);
    }

    String tab(UUID id, String tab, Model model) {
        model.addAttribute("client", clients.details(id));
        model.addAttribute("tab", tab);
        return "clients/" + tab;
    }

    @GetMapping("/{id}/edit")
    String initUpdateForm(@PathVariable UUID id, Model model) {
        model.addAttribute("client", clients.details(id));
        model.addAttribute("form", clients.editForm(id));
        model.addAttribute("industries", Industry.values());
        return "clients/edit";
    }

    @PostMapping("/{id}/edit")
    String processUpdateForm(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ClientForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                clients.update(id, form);
                redirect.addFlashAttribute("flash", "Changes saved.");
                return "redirect:/clients/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        // Re-shown with errors only to those who may edit it: anyone else gets the 403 a valid form would.
        model.addAttribute("client", clients.detailsToChange(id));
        model.addAttribute("industries", Industry.values());
        return "clients/edit";
    }

    @GetMapping("/{id}/archive")
    String confirmArchive(@PathVariable UUID id, Model model) {
        model.addAttribute("client", clients.detailsToChange(id));
        return "clients/archive";
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        clients.archive(id);
        redirect.addFlashAttribute("flash", "Client archived. Its projects are read-only until you restore it.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            clients.restore(id);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("problem", violation.getMessage());
            return "redirect:/clients?archived=true";
        }
        redirect.addFlashAttribute("flash", "Client restored.");
        return "redirect:/clients/" + id;
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        model.addAttribute("client", clients.details(id));
        model.addAttribute("blockers", clients.deletionBlockers(id));
        return "clients/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String confirmName,
            Model model,
            RedirectAttributes redirect) {
        ClientDetails client = clients.details(id);
        try {
            clients.delete(id, confirmName);
        } catch (RuleViolation violation) {
            model.addAttribute("client", client);
            model.addAttribute("blockers", clients.deletionBlockers(id));
            model.addAttribute("confirmError", violation.getMessage());
            return "clients/delete";
        }
        redirect.addFlashAttribute("flash", "Client " + client.name() + " and everything under it were deleted.");
        return "redirect:/clients";
    }
}
