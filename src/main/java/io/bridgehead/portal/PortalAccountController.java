package io.bridgehead.portal;

import io.bridgehead.access.PortalPermissions;
import io.bridgehead.identity.ChangePasswordCmd;
import io.bridgehead.identity.PortalAccounts;
import io.bridgehead.identity.PortalSignIn;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import io.bridgehead.tenancy.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portal user's own account: password, e-mail, authenticator and recovery codes, each behind the password. */
@Controller
@PortalPage
@RequestMapping("/portal/{slug}")
class PortalAccountController {

    private static final String NEW_SECRET = "bridgehead.portal.newAuthenticatorSecret";

    private final PortalAccounts accounts;
    private final PortalPermissions portalPermissions;
    private final Workspaces workspaces;

    PortalAccountController(PortalAccounts accounts, PortalPermissions portalPermissions, Workspaces workspaces) {
        this.accounts = accounts;
        this.portalPermissions = portalPermissions;
        this.workspaces = workspaces;
    }

    @GetMapping("/account")
    String account(Model model) {
        return page(model);
    }

    @PostMapping("/account/password")
    String changePassword(
            @PathVariable String slug,
            @Valid @ModelAttribute("passwordForm") ChangePasswordCmd form,
            BindingResult result,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                accounts.changePassword(form, request.getSession().getId());
                redirect.addFlashAttribute("flash", "Your password has been changed. Your other sessions were ended.");
                return "redirect:/portal/" + slug + "/account";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return page(model);
    }

    @PostMapping("/account/email")
    String changeEmail(
            @PathVariable String slug,
            @ModelAttribute("emailForm") ChangeEmailForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        try {
            String email = accounts.requestEmailChange(form.currentPassword(), form.email());
            redirect.addFlashAttribute(
                    "flash",
                    "We sent a link to " + email + ". Your e-mail address changes when you open it (within 30"
                            + " minutes).");
            return "redirect:/portal/" + slug + "/account";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
        }
        return page(model);
    }

    @PostMapping("/account/authenticator")
    String startAuthenticatorChange(
            @PathVariable String slug,
            @ModelAttribute("authenticatorForm") ConfirmPasswordForm form,
            BindingResult result,
            HttpSession session,
            Model model) {
        try {
            PortalSignIn.Enrolment enrolment = accounts.startAuthenticatorChange(
                    form.currentPassword(), workspaces.current().name());
            session.setAttribute(NEW_SECRET, enrolment.secret());
            return "redirect:/portal/" + slug + "/account/authenticator";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
        }
        return page(model);
    }

    @GetMapping("/account/authenticator")
    String newAuthenticator(@PathVariable String slug, HttpSession session, Model model) {
        if (!(session.getAttribute(NEW_SECRET) instanceof String secret)) {
            return "redirect:/portal/" + slug + "/account";
        }
        showAuthenticator(secret, model);
        return "portal/authenticator";
    }

    @PostMapping("/account/authenticator/confirm")
    String confirmAuthenticator(
            @PathVariable String slug, @RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
        if (!(session.getAttribute(NEW_SECRET) instanceof String secret)) {
            return "redirect:/portal/" + slug + "/account";
        }
        Optional<List<String>> codes = accounts.completeAuthenticatorChange(secret, code, session.getId());
        if (codes.isEmpty()) {
            model.addAttribute(
                    "error",
                    "That code is not correct. Enter the 6-digit code the app shows now for the"
                            + " account you just added.");
            showAuthenticator(secret, model);
            return "portal/authenticator";
        }
        session.removeAttribute(NEW_SECRET);
        session.setAttribute(PortalSignInController.RECOVERY_CODES, List.copyOf(codes.get()));
        return "redirect:/portal/" + slug + "/recovery-codes";
    }

    @PostMapping("/account/recovery-codes")
    String newRecoveryCodes(
            @PathVariable String slug,
            @ModelAttribute("recoveryForm") ConfirmPasswordForm form,
            BindingResult result,
            HttpSession session,
            Model model) {
        try {
            List<String> codes = accounts.newRecoveryCodes(form.currentPassword(), session.getId());
            session.setAttribute(PortalSignInController.RECOVERY_CODES, List.copyOf(codes));
            return "redirect:/portal/" + slug + "/recovery-codes";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
        }
        return page(model);
    }

    /** Shows freshly issued recovery codes once; a reload finds them gone. */
    @GetMapping("/recovery-codes")
    String recoveryCodes(@PathVariable String slug, HttpSession session, Model model) {
        Object codes = session.getAttribute(PortalSignInController.RECOVERY_CODES);
        if (!(codes instanceof List<?> list) || list.isEmpty()) {
            return "redirect:/portal/" + slug + "/account";
        }
        session.removeAttribute(PortalSignInController.RECOVERY_CODES);
        model.addAttribute("codes", list);
        return "portal/recovery-codes";
    }

    private void showAuthenticator(String secret, Model model) {
        PortalSignIn.Enrolment enrolment =
                accounts.authenticatorFor(secret, workspaces.current().name());
        model.addAttribute("qrSvg", enrolment.qrSvg());
        model.addAttribute("manualKey", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("section", "account");
    }

    private String page(Model model) {
        model.addAttribute("me", portalPermissions.current());
        model.addAttribute("recoveryCodesLeft", accounts.recoveryCodesLeft());
        addIfMissing(model, "passwordForm", new ChangePasswordCmd("", "", ""));
        addIfMissing(model, "emailForm", new ChangeEmailForm("", ""));
        addIfMissing(model, "authenticatorForm", new ConfirmPasswordForm(""));
        addIfMissing(model, "recoveryForm", new ConfirmPasswordForm(""));
        model.addAttribute("section", "account");
        return "portal/account";
    }

    private static void addIfMissing(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
