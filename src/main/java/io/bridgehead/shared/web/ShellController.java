package io.bridgehead.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard. (Sections whose capabilities are not built yet used to be served here, saying so plainly.) */
@Controller
class ShellController {

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("section", "dashboard");
        return "shell/dashboard";
    }
}
