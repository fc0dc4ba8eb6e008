package io.bridgehead.clients;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The client list: one handler for the page and, for htmx, just the results (the whole page to restore history). */
@Controller
class ClientListController {

    private final Clients clients;

    ClientListController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/clients")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Industry industry,
            @RequestParam(required = false) ClientStatus status,
            @RequestParam(required = false) String projects,
            @RequestParam(required = false) ClientSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        ClientQuery query = new ClientQuery(q, industry, status, projects, sort, page, archived);
        model.addAttribute("section", "clients");
        model.addAttribute("query", query);
        model.addAttribute("clients", clients.list(query));
        model.addAttribute("industries", Industry.values());
        model.addAttribute("statuses", ClientStatus.values());
        model.addAttribute("sorts", ClientSort.values());
        // A history restore (back button after htmx's history cache missed) replaces the whole page.
        return htmx != null && historyRestore == null ? "clients/list :: results" : "clients/list";
    }
}
