package io.bridgehead.identity;

import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The page an invited person lands on from the e-mail. */
@Controller
class InvitationController {

    private final StaffAccounts accounts;

    InvitationController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invitations/{token}")
    String initAcceptForm(@PathVariable String token, Model model) {
        model.addAttribute("invitation", accounts.invitationFor(token));
        model.addAttribute("token", token);
        model.addAttribute("form", new AcceptInvitationCmd("", "", ""));
        return "identity/accept-invitation";
    }

    @PostMapping("/invitations/{token}")
    String processAcceptForm(
            @PathVariable String token,
            @Valid @ModelAttribute("form") AcceptInvitationCmd form,
            BindingResult result,
            Model model) {
        if (!result.hasErrors()) {
            try {
                accounts.acceptInvitation(token, form);
                return "redirect:/login?joined";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("invitation", accounts.invitationFor(token));
        model.addAttribute("token", token);
        return "identity/accept-invitation";
    }

    @ExceptionHandler(InvalidLinkException.class)
    @ResponseStatus(HttpStatus.GONE)
    String invalidLink() {
        return "identity/invalid-link";
    }
}
