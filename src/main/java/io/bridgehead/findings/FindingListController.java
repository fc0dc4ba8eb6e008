package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.clients.Clients;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Findings across the projects the user may see: the list (for htmx just the results, the whole page to restore
 * history), its CSV export, and a status change for many findings at once.
 */
@Controller
class FindingListController {

    private final FindingSearch search;
    private final Findings findings;
    private final Clients clients;
    private final Projects projects;
    private final Permissions permissions;

    FindingListController(
            FindingSearch search, Findings findings, Clients clients, Projects projects, Permissions permissions) {
        this.search = search;
        this.findings = findings;
        this.clients = clients;
        this.projects = projects;
        this.permissions = permissions;
    }

    @GetMapping("/findings")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) FindingSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        FindingQuery query = new FindingQuery(q, severity, status, clientId, projectId, overdue, sort, page);
        model.addAttribute("section", "findings");
        model.addAttribute("listUrl", "/findings");
        model.addAttribute("clientOptions", permissions.can(Permission.SEE_CLIENTS) ? clients.options() : List.of());
        model.addAttribute("projectOptions", projects.options());
        listModel(model, query, search.search(query), permissions.can(Permission.EDIT_PROJECT_CONTENT));
        return htmx != null && historyRestore == null ? "findings/list :: results" : "findings/list";
    }

    /** The attributes the list template needs, for this page and a project's findings page alike. */
    static void listModel(
            Model model,
            FindingQuery query,
            org.springframework.data.domain.Page<FindingListing> page,
            boolean canBulk) {
        model.addAttribute("query", query);
        model.addAttribute("findings", page);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("sorts", FindingSort.values());
        model.addAttribute("canBulk", canBulk);
        model.addAttribute("targets", bulkTargets());
    }

    /** The statuses the firm can move findings to, in workflow order. */
    static List<FindingStatus> bulkTargets() {
        return Arrays.stream(FindingStatus.values())
                .filter(s -> Arrays.stream(FindingTransition.values())
                        .anyMatch(t -> t.side() == FindingTransition.Side.FIRM && t.to() == s))
                .toList();
    }

    @GetMapping("/findings/export.csv")
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) FindingSort sort,
            HttpServletResponse response) {
        FindingQuery query = new FindingQuery(q, severity, status, clientId, projectId, overdue, sort, 0);
        // Headers and the header row only once the checks passed and rows come, so a refusal is an ordinary error page.
        CsvResponse csv = new CsvResponse(response);
        boolean truncated = search.export(query, csv::row);
        csv.start();
        if (truncated) {
            csv.out.note("Export stopped at " + String.format("%,d", FindingSearch.EXPORT_LIMIT)
                    + " rows: narrow the filters to export the rest.");
        }
    }

    @PostMapping("/findings/bulk-status")
    String bulkStatus(
            @RequestParam(required = false) List<UUID> findingIds,
            @RequestParam(required = false) FindingStatus to,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) FindingSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean inProject,
            RedirectAttributes redirect) {
        FindingQuery query = new FindingQuery(q, severity, status, clientId, projectId, overdue, sort, page);
        try {
            int moved = findings.moveAll(findingIds, to, note);
            redirect.addFlashAttribute(
                    "flash", (moved == 1 ? "1 finding" : moved + " findings") + " changed to " + to.label() + ".");
        } catch (RuleViolation | ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("bulkNote", note);
        }
        return "redirect:" + listUrl(query, inProject && projectId != null);
    }

    private static String listUrl(FindingQuery query, boolean inProject) {
        UriComponentsBuilder url =
                UriComponentsBuilder.fromPath(inProject ? "/projects/" + query.projectId() + "/findings" : "/findings");
        add(url, "q", query.q());
        add(url, "severity", query.severity());
        add(url, "status", query.status());
        add(url, "clientId", query.clientId());
        add(url, "projectId", inProject ? null : query.projectId());
        add(url, "overdue", query.overdue() ? true : null);
        add(url, "sort", query.sort());
        add(url, "page", query.page() > 0 ? query.page() : null);
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, Object value) {
        if (value != null) {
            url.queryParam(name, value);
        }
    }

    /** Starts the download on the first row, or after an empty read. */
    private static final class CsvResponse {

        private final HttpServletResponse response;
        private FindingCsv out;

        CsvResponse(HttpServletResponse response) {
            this.response = response;
        }

        void row(FindingListing listing) {
            start();
            out.row(listing);
        }

        void start() {
            if (out != null) {
                return;
            }
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("findings-" + LocalDate.now(ZoneOffset.UTC) + ".csv")
                            .build()
                            .toString());
            try {
                out = new FindingCsv(response.getWriter());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.header();
        }
    }
}
