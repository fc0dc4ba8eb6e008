package io.bridgehead.reports;

import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.RuleViolation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A project's reports page: generate a version, watch it render, release, withdraw, download. */
@Controller
@RequestMapping("/projects/{projectId}/reports")
class ReportsController {

    private final Reports reports;
    private final Projects projects;
    private final ReportTemplates templates;

    ReportsController(Reports reports, Projects projects, ReportTemplates templates) {
        this.reports = reports;
        this.projects = projects;
        this.templates = templates;
    }

    @GetMapping
    String initGenerateForm(
            @PathVariable UUID projectId,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        boolean canGenerate = reports.canGenerate(projectId);
        if (htmx == null && canGenerate) {
            model.addAttribute("form", reports.draft(projectId));
        }
        page(projectId, canGenerate, model);
        return htmx != null ? "reports/project :: versions" : "reports/project";
    }

    @PostMapping
    String processGenerateForm(
            @PathVariable UUID projectId,
            @Valid @ModelAttribute("form") GenerateReportCmd form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        reports.requireGenerate(projectId);
        if (result.hasErrors()) {
            page(projectId, reports.canGenerate(projectId), model);
            return "reports/project";
        }
        reports.generate(projectId, form);
        redirect.addFlashAttribute("flash", "The report is being generated. This page shows when it is ready.");
        return "redirect:/projects/" + projectId + "/reports";
    }

    @PostMapping("/{versionId}/release")
    String release(@PathVariable UUID projectId, @PathVariable UUID versionId, RedirectAttributes redirect) {
        return change(
                projectId,
                redirect,
                "Released to the client: it now appears in their portal.",
                () -> reports.release(projectId, versionId));
    }

    @PostMapping("/{versionId}/withdraw")
    String withdraw(@PathVariable UUID projectId, @PathVariable UUID versionId, RedirectAttributes redirect) {
        return change(
                projectId,
                redirect,
                "Withdrawn: the client no longer sees this version.",
                () -> reports.withdraw(projectId, versionId));
    }

    @GetMapping("/{versionId}/pdf")
    ResponseEntity<byte[]> download(@PathVariable UUID projectId, @PathVariable UUID versionId) {
        return reports.download(projectId, versionId).response();
    }

    private String change(UUID projectId, RedirectAttributes redirect, String done, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("flash", done);
        } catch (RuleViolation | ConflictException refused) {
            redirect.addFlashAttribute("reportError", refused.getMessage());
        }
        return "redirect:/projects/" + projectId + "/reports";
    }

    private void page(UUID projectId, boolean canGenerate, Model model) {
        ProjectView project = projects.get(projectId);
        List<ReportVersionView> versions = reports.versions(projectId);
        model.addAttribute("project", project);
        model.addAttribute("versions", versions);
        model.addAttribute("pending", versions.stream().anyMatch(v -> v.status().pending()));
        model.addAttribute("canGenerate", canGenerate);
        model.addAttribute("templates", canGenerate ? templates.choices() : List.of());
        model.addAttribute("section", "projects");
    }
}
