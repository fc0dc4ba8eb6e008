package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.RuleViolation;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The finding library pages, saving a finding into it, and the Admin's remediation SLA. */
@Controller
class FindingLibraryController {

    private final FindingLibrary library;
    private final Findings findings;
    private final Permissions permissions;

    FindingLibraryController(FindingLibrary library, Findings findings, Permissions permissions) {
        this.library = library;
        this.findings = findings;
        this.permissions = permissions;
    }

    @ModelAttribute("section")
    String section() {
        return "findings";
    }

    @GetMapping("/findings/library")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("templates", library.search(q, page));
        return "findings/library";
    }

    @GetMapping("/findings/library/new")
    String initCreateForm(Model model) {
        model.addAttribute("form", TemplateForm.empty());
        return templateForm(null, model);
    }

    @PostMapping("/findings/library/new")
    String processCreateForm(
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                library.create(form);
                redirect.addFlashAttribute("flash", "Template saved in the library.");
                return "redirect:/findings/library";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return templateForm(null, model);
    }

    @GetMapping("/findings/library/{id}/edit")
    String initUpdateForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", library.form(id));
        return templateForm(id, model);
    }

    @PostMapping("/findings/library/{id}/edit")
    String processUpdateForm(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                library.update(id, form);
                redirect.addFlashAttribute("flash", "Template saved.");
                return "redirect:/findings/library";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return templateForm(id, model);
    }

    @PostMapping("/findings/library/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        library.delete(id);
        redirect.addFlashAttribute("flash", "Template deleted.");
        return "redirect:/findings/library";
    }

    @PostMapping("/projects/{projectId}/findings/{findingId}/save-as-template")
    String saveAsTemplate(@PathVariable UUID projectId, @PathVariable UUID findingId, RedirectAttributes redirect) {
        library.saveFinding(projectId, findingId);
        redirect.addFlashAttribute("flash", "Saved in the finding library.");
        return "redirect:/projects/" + projectId + "/findings/" + findingId;
    }

    @GetMapping("/admin/sla")
    String initSlaForm(Model model) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        model.addAttribute("form", SlaForm.of(findings.sla()));
        model.addAttribute("section", "workspace");
        return "findings/sla";
    }

    @PostMapping("/admin/sla")
    String processSlaForm(
            @Valid @ModelAttribute("form") SlaForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("section", "workspace");
        if (result.hasErrors()) {
            return "findings/sla";
        }
        findings.changeSla(form);
        redirect.addFlashAttribute(
                "flash", "Remediation SLA saved. It sets the due date of findings recorded from now on.");
        return "redirect:/admin/sla";
    }

    /** Only for writers, and only for a template of this workspace: asked before the input's errors are shown. */
    private String templateForm(UUID id, Model model) {
        if (id == null) {
            library.requireWriter();
        } else {
            library.form(id);
        }
        model.addAttribute("templateId", id);
        model.addAttribute("severities", Severity.values());
        return "findings/template-form";
    }
}
