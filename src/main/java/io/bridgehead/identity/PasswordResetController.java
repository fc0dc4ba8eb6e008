package io.bridgehead.identity;

import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import io.bridgehead.shared.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Controller
class PasswordResetController {

    private final StaffAccounts accounts;
    private final RateLimiter requestLimiter;

    PasswordResetController(StaffAccounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.requestLimiter = new RateLimiter(properties.resetRequestsPerIp(), properties.signInIpWindow());
    }

    @GetMapping("/password/forgot")
    String initForgotForm(Model model) {
        model.addAttribute("form", new ForgotPasswordCmd(""));
        return "identity/forgot-password";
    }

    @PostMapping("/password/forgot")
    String processForgotForm(
            @Valid @ModelAttribute("form") ForgotPasswordCmd form,
            BindingResult result,
            Model model,
            HttpServletRequest request) {
        if (result.hasErrors()) {
            return "identity/forgot-password";
        }
        if (!requestLimiter.tryAcquire(request.getRemoteAddr())) {
            model.addAttribute("throttled", true);
            return "identity/forgot-password";
        }
        accounts.requestPasswordReset(form);
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/password/reset")
    String initResetForm(@RequestParam(defaultValue = "") String token, Model model) {
        accounts.checkResetLink(token);
        model.addAttribute("token", token);
        model.addAttribute("form", new ResetPasswordCmd("", ""));
        return "identity/reset-password";
    }

    @PostMapping("/password/reset")
    String processResetForm(
            @RequestParam(defaultValue = "") String token,
            @ModelAttribute("form") ResetPasswordCmd form,
            BindingResult result,
            Model model) {
        try {
            accounts.resetPassword(token, form);
            return "redirect:/login?reset";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            model.addAttribute("token", token);
            return "identity/reset-password";
        }
    }

    @ExceptionHandler(InvalidLinkException.class)
    @ResponseStatus(HttpStatus.GONE)
    String invalidLink() {
        return "identity/invalid-link";
    }
}
