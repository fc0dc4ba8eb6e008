package io.bridgehead.findings;

import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import io.bridgehead.shared.web.Markdown;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/projects/{projectId}/findings")
class FindingsController {

    private final Findings findings;
    private final FindingSearch search;
    private final Projects projects;
    private final Markdown markdown;
    private final FindingLibrary library;
    private final FindingEvidence evidence;

    FindingsController(
            Findings findings,
            FindingSearch search,
            Projects projects,
            Markdown markdown,
            FindingLibrary library,
            FindingEvidence evidence) {
        this.library = library;
        this.findings = findings;
        this.search = search;
        this.projects = projects;
        this.markdown = markdown;
        this.evidence = evidence;
    }

    @ModelAttribute("section")
    String section() {
        return "projects";
    }

    @GetMapping
    String list(
            @PathVariable UUID projectId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) FindingSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        FindingQuery query = new FindingQuery(q, severity, status, null, projectId, overdue, sort, page);
        ProjectView project = projects.get(projectId);
        model.addAttribute("project", project);
        boolean canEdit = canWrite(project);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("listUrl", "/projects/" + projectId + "/findings");
        FindingListController.listModel(model, query, search.search(query), canEdit);
        return htmx != null && historyRestore == null ? "findings/list :: results" : "findings/list";
    }

    @GetMapping("/new")
    String initCreateForm(@PathVariable UUID projectId, @RequestParam(required = false) UUID template, Model model) {
        model.addAttribute("form", template == null ? FindingForm.empty() : library.startFinding(template));
        model.addAttribute("templates", library.search(null, 0).getContent());
        model.addAttribute("chosenTemplate", template);
        return formPage(projectId, null, model);
    }

    @PostMapping("/new")
    String processCreateForm(
            @PathVariable UUID projectId,
            @Valid @ModelAttribute("form") FindingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UUID id = findings.create(projectId, form);
                redirect.addFlashAttribute("flash", "Finding recorded.");
                return "redirect:/projects/" + projectId + "/findings/" + id;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return formPage(projectId, null, model);
    }

    @GetMapping("/{findingId}")
    String detail(@PathVariable UUID projectId, @PathVariable UUID findingId, Model model) {
        FindingView finding = findings.get(projectId, findingId);
        ProjectView project = projects.get(projectId);
        model.addAttribute("project", project);
        model.addAttribute("finding", finding);
        model.addAttribute("sections", rendered(finding));
        model.addAttribute("history", findings.history(projectId, findingId));
        model.addAttribute("evidence", evidence.list(projectId, findingId));
        java.util.List<UUID> affected = findings.assetIdsOf(projectId, findingId);
        model.addAttribute(
                "affected",
                projects.assets(projectId).stream()
                        .filter(a -> affected.contains(a.id()))
                        .toList());
        model.addAttribute(
                "references",
                finding.referenceLinks()
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList());
        boolean canEdit = canWrite(project);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute(
                "moves",
                canEdit
                        ? FindingTransition.available(finding.status(), FindingTransition.Side.FIRM)
                        : java.util.List.of());
        return "findings/detail";
    }

    @GetMapping("/{findingId}/edit")
    String initUpdateForm(@PathVariable UUID projectId, @PathVariable UUID findingId, Model model) {
        model.addAttribute("form", findings.editForm(projectId, findingId));
        return formPage(projectId, findings.get(projectId, findingId), model);
    }

    @PostMapping("/{findingId}/edit")
    String processUpdateForm(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @Valid @ModelAttribute("form") FindingForm form,
            BindingResult result,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                findings.update(projectId, findingId, form, version);
                redirect.addFlashAttribute("flash", "Finding saved.");
                return "redirect:/projects/" + projectId + "/findings/" + findingId;
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            } catch (StaleEditException | ObjectOptimisticLockingFailureException stale) {
                model.addAttribute("stale", true);
            }
        }
        model.addAttribute("editedVersion", version);
        return formPage(projectId, findings.get(projectId, findingId), model);
    }

    @PostMapping("/{findingId}/status")
    String move(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @RequestParam FindingStatus to,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            findings.move(projectId, findingId, to, note);
            redirect.addFlashAttribute("flash", "Status changed to " + to.label() + ".");
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("problem", violation.getMessage());
        }
        return "redirect:/projects/" + projectId + "/findings/" + findingId;
    }

    /** Only for those who may edit the project: a read-only role gets 403, not a form, also when input was wrong. */
    private String formPage(UUID projectId, FindingView finding, Model model) {
        model.addAttribute("project", projects.toChange(projectId));
        model.addAttribute("finding", finding);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("assets", projects.assets(projectId));
        model.addAttribute("sla", findings.sla());
        return "findings/form";
    }

    private boolean canWrite(ProjectView project) {
        return projects.canEdit(project.id()) && !project.archived();
    }

    private Map<String, String> rendered(FindingView finding) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("Description", markdown.toHtml(finding.description()));
        sections.put("Impact", markdown.toHtml(finding.impact()));
        sections.put("Remediation", markdown.toHtml(finding.remediation()));
        sections.put("Technical details", markdown.toHtml(finding.technicalDetails()));
        return sections;
    }
}
