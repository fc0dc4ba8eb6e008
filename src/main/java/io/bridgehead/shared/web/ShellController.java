package io.bridgehead.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dashboard, and the sections whose capabilities are not built yet, which say so plainly. */
@Controller
class ShellController {

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("section", "dashboard");
        return "shell/dashboard";
    }

    @GetMapping("/{section:reports}")
    String upcoming(@PathVariable String section, Model model) {
        model.addAttribute("section", section);
        model.addAttribute("title", Character.toUpperCase(section.charAt(0)) + section.substring(1));
        return "shell/upcoming";
    }
}
