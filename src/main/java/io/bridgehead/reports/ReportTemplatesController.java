package io.bridgehead.reports;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Admin's report templates: list (the built-in Default first), new, edit, delete (archive), and a preview of a
 * saved template as a PDF on sample data. Every handler checks the permission first, so a non-Admin gets 403 even
 * with an invalid form.
 */
@Controller
@RequestMapping("/admin/report-templates")
class ReportTemplatesController {

    private static final String LIST = "redirect:/admin/report-templates";

    private final ReportTemplates templates;
    private final ReportRenderer renderer;
    private final Permissions permissions;

    ReportTemplatesController(ReportTemplates templates, ReportRenderer renderer, Permissions permissions) {
        this.templates = templates;
        this.renderer = renderer;
        this.permissions = permissions;
    }

    @ModelAttribute("coverLayouts")
    CoverLayout[] coverLayouts() {
        return CoverLayout.values();
    }

    @ModelAttribute("placeholders")
    String placeholders() {
        return ReportSections.PLACEHOLDERS.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> "{{" + e.getKey() + "}} " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @ModelAttribute("section")
    String section() {
        return "workspace";
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        return "reports/templates";
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        model.addAttribute("form", ReportTemplateCmd.blank());
        return "reports/template-form";
    }

    @PostMapping
    String processCreateForm(
            @Valid @ModelAttribute("form") ReportTemplateCmd form,
            BindingResult result,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        if (!result.hasErrors()) {
            try {
                UUID id = templates.create(form);
                redirect.addFlashAttribute("flash", "Template “" + form.name().strip() + "” saved.");
                return LIST + "/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "reports/template-form";
    }

    @GetMapping("/{id}")
    String initUpdateForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", templates.form(id));
        model.addAttribute("templateId", id);
        return "reports/template-form";
    }

    @PostMapping("/{id}")
    String processUpdateForm(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ReportTemplateCmd form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        // Refused, or not found for another workspace's template, before the input is checked.
        templates.form(id);
        if (!result.hasErrors()) {
            try {
                templates.update(id, form);
                redirect.addFlashAttribute("flash", "Template “" + form.name().strip() + "” saved.");
                return LIST + "/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("templateId", id);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "reports/template-form";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        templates.archive(id);
        redirect.addFlashAttribute("flash", "Template deleted. Versions made with it keep their look.");
        return LIST;
    }

    /** "Preview these settings": the form as typed, on sample data, without saving; a refused value is shown on the form. */
    @PostMapping("/preview.pdf")
    Object previewUnsaved(
            @Valid @ModelAttribute("form") ReportTemplateCmd form,
            BindingResult result,
            @org.springframework.web.bind.annotation.RequestParam(required = false) UUID templateId,
            Model model,
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                return pdf(templates.previewStyle(form));
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("templateId", templateId);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "reports/template-form";
    }

    @GetMapping("/default/preview.pdf")
    ResponseEntity<byte[]> previewDefault() {
        return preview(null);
    }

    @GetMapping("/{id}/preview.pdf")
    ResponseEntity<byte[]> preview(@PathVariable UUID id) {
        return pdf(templates.previewStyle(id));
    }

    /** Laid out after the service's transaction: no connection is held while the PDF is made. */
    private ResponseEntity<byte[]> pdf(ReportStyle style) {
        byte[] pdf = renderer.render(ReportSample.document(), style).pdf();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"template-preview.pdf\"")
                .body(pdf);
    }
}
