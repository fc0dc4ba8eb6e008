package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.UUID;
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

/** Admin pages for the workspace's staff: list, invite, role, (de)activation. */
@Controller
@RequestMapping("/admin")
class StaffUsersController {

    private final StaffAccounts accounts;

    StaffUsersController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("section")
    String section() {
        return "users";
    }

    @ModelAttribute("roles")
    PlatformRole[] roles() {
        return PlatformRole.values();
    }

    @GetMapping("/users")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("users", accounts.users(page));
        model.addAttribute("invitations", accounts.openInvitations());
        return "identity/users";
    }

    @GetMapping("/users/invite")
    String initInviteForm(Model model) {
        model.addAttribute("form", new InviteStaffCmd("", PlatformRole.ANALYST));
        return "identity/invite";
    }

    @PostMapping("/users/invite")
    String processInviteForm(
            @Valid @ModelAttribute("form") InviteStaffCmd form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "identity/invite";
        }
        try {
            accounts.invite(form);
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return "identity/invite";
        }
        redirect.addFlashAttribute(
                "flash", "Invitation sent to " + form.email().strip() + ". The link is valid for 72 hours.");
        return "redirect:/admin/users";
    }

    @PostMapping("/invitations/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.resendInvitation(id);
        redirect.addFlashAttribute("flash", "Invitation sent again. The earlier link no longer works.");
        return "redirect:/admin/users";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.revokeInvitation(id);
        redirect.addFlashAttribute("flash", "Invitation revoked. Its link no longer works.");
        return "redirect:/admin/users";
    }

    @GetMapping("/users/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("user", accounts.user(id));
        return "identity/user";
    }

    @PostMapping("/users/{id}/role")
    String changeRole(
            @PathVariable UUID id, @RequestParam PlatformRole role, Model model, RedirectAttributes redirect) {
        return change(
                id, model, redirect, () -> accounts.changeRole(id, role), "Role changed to " + role.label() + ".");
    }

    @PostMapping("/users/{id}/deactivate")
    String deactivate(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return change(
                id, model, redirect, () -> accounts.deactivate(id), "User deactivated; their sessions have ended.");
    }

    @PostMapping("/users/{id}/reactivate")
    String reactivate(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, () -> accounts.reactivate(id), "User reactivated.");
    }

    private String change(UUID id, Model model, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
        } catch (RuleViolation violation) {
            model.addAttribute("user", accounts.user(id));
            model.addAttribute("problem", violation.getMessage());
            return "identity/user";
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/admin/users/" + id;
    }
}
