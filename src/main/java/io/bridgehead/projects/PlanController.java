package io.bridgehead.projects;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.clients.Clients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Admin's agency page: plan, client allowance used, and projects that belong to no client yet. */
@Controller
class PlanController {

    private final Clients clients;
    private final Projects projects;
    private final Permissions permissions;

    PlanController(Clients clients, Projects projects, Permissions permissions) {
        this.clients = clients;
        this.projects = projects;
        this.permissions = permissions;
    }

    @GetMapping("/admin/plan")
    String plan(@RequestParam(defaultValue = "0") int page, Model model) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        model.addAttribute("section", "workspace");
        model.addAttribute("allowance", clients.allowance());
        model.addAttribute("unassigned", projects.list(null, true, false, page));
        model.addAttribute("clientOptions", clients.options());
        return "projects/plan";
    }
}
