package io.bridgehead.identity;

import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: settings overview and password change. */
@Controller
class AccountController {

    private final StaffAccounts accounts;

    AccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("section", "settings");
        return "identity/settings";
    }

    @GetMapping("/account/password")
    String initChangePasswordForm(Model model) {
        model.addAttribute("form", new ChangePasswordCmd("", "", ""));
        model.addAttribute("section", "settings");
        return "identity/change-password";
    }

    @PostMapping("/account/password")
    String processChangePasswordForm(
            @Valid @ModelAttribute("form") ChangePasswordCmd form,
            BindingResult result,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("section", "settings");
        if (result.hasErrors()) {
            return "identity/change-password";
        }
        try {
            accounts.changePassword(form, session.getId());
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return "identity/change-password";
        }
        redirect.addFlashAttribute("flash", "Your password has been changed. Other sessions have been signed out.");
        return "redirect:/settings";
    }
}
