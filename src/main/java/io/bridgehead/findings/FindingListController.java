package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
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
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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
    private final FindingFilterChoices choices;
    private final Permissions permissions;

    FindingListController(
            FindingSearch search, Findings findings, FindingFilterChoices choices, Permissions permissions) {
        this.search = search;
        this.findings = findings;
        this.choices = choices;
        this.permissions = permissions;
    }

    /**
     * @param client the client field as typed (absent in links, which send {@code clientId} alone)
     * @param project the project field as typed (absent in links, which send {@code projectId} alone)
     */
    @GetMapping("/findings")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) String project,
            @RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) FindingSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        FilterChoice clientChoice = choices.client(client, clientId);
        FilterChoice projectChoice = choices.project(project, projectId);
        FindingQuery query =
                new FindingQuery(q, severity, status, clientChoice.id(), projectChoice.id(), overdue, sort, page);
        List<FilterChoice> unresolved = Stream.of(clientChoice, projectChoice)
                .filter(c -> !c.resolved())
                .toList();
        model.addAttribute("section", "findings");
        model.addAttribute("listUrl", "/findings");
        model.addAttribute("clientsVisible", choices.clientsVisible());
        model.addAttribute("clientChoice", clientChoice);
        model.addAttribute("projectChoice", projectChoice);
        model.addAttribute("unresolved", unresolved);
        // A name that fits no single client or project lists the candidates instead of findings of something else.
        Page<FindingListing> found = unresolved.isEmpty()
                ? search.search(query)
                : new PageImpl<>(List.of(), PageRequest.of(0, FindingQuery.PAGE_SIZE), 0);
        listModel(model, query, found, permissions.can(Permission.EDIT_PROJECT_CONTENT));
        return htmx != null && historyRestore == null ? "findings/list :: results" : "findings/list";
    }

    /** Suggestions for the client filter as it is typed: the options of its listbox (htmx). */
    @GetMapping("/findings/suggest/clients")
    String suggestClients(@RequestParam(defaultValue = "") String client, Model model) {
        model.addAttribute("field", "client");
        model.addAttribute("options", choices.clientOptions(client));
        return "findings/suggestions :: options";
    }

    /** Suggestions for the project filter as it is typed: the options of its listbox (htmx). */
    @GetMapping("/findings/suggest/projects")
    String suggestProjects(@RequestParam(defaultValue = "") String project, Model model) {
        model.addAttribute("field", "project");
        model.addAttribute("options", choices.projectOptions(project));
        return "findings/suggestions :: options";
    }

    /** The attributes the list template needs, for this page and a project's findings page alike. */
    static void listModel(Model model, FindingQuery query, Page<FindingListing> page, boolean canBulk) {
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
