package io.bridgehead.reports;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Reports section: the newest versions across the projects the user may see. */
@Controller
class ReportSectionController {

    private static final int RECENT = 50;

    private final Reports reports;

    ReportSectionController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    String list(Model model) {
        model.addAttribute("reports", reports.recent(RECENT));
        model.addAttribute("section", "reports");
        return "reports/list";
    }
}
