package io.bridgehead.portal;

import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.access.PortalRole;
import io.bridgehead.identity.PortalUserForm;
import io.bridgehead.identity.PortalUserView;
import io.bridgehead.identity.PortalUsers;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client Manager manages their own organisation's portal users; the service refuses everyone else. */
@Controller
@PortalPage
@RequestMapping("/portal/{slug}/users")
class PortalTeamController {

    private final PortalUsers users;
    private final PortalPermissions portalPermissions;

    PortalTeamController(PortalUsers users, PortalPermissions portalPermissions) {
        this.users = users;
        this.portalPermissions = portalPermissions;
    }

    @GetMapping
    String list(Model model) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        model.addAttribute("users", users.ofClient(me.clientId()));
        model.addAttribute("me", me);
        model.addAttribute("section", "users");
        return "portal/users";
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        model.addAttribute("form", PortalUserForm.empty());
        return form(model, null);
    }

    @PostMapping("/new")
    String processCreateForm(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") PortalUserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        if (!result.hasErrors()) {
            try {
                users.invite(me.clientId(), form);
                redirect.addFlashAttribute(
                        "flash", "Invitation sent to " + form.email().strip() + ".");
                return "redirect:/portal/" + slug + "/users";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return form(model, null);
    }

    @GetMapping("/{userId}")
    String initUpdateForm(@PathVariable UUID userId, Model model) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        PortalUserView user = users.get(me.clientId(), userId);
        model.addAttribute("form", new PortalUserForm(user.email(), user.fullName(), user.role()));
        return form(model, user);
    }

    @PostMapping("/{userId}")
    String processUpdateForm(
            @PathVariable String slug,
            @PathVariable UUID userId,
            @Valid @ModelAttribute("form") PortalUserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        if (!result.hasErrors()) {
            try {
                users.update(me.clientId(), userId, form);
                redirect.addFlashAttribute(
                        "flash", "Saved the changes to " + form.fullName().strip() + ".");
                return "redirect:/portal/" + slug + "/users";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        return form(model, users.get(me.clientId(), userId));
    }

    @PostMapping("/{userId}/resend")
    String resend(@PathVariable String slug, @PathVariable UUID userId, RedirectAttributes redirect) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        users.resendInvitation(me.clientId(), userId);
        redirect.addFlashAttribute("flash", "A new invitation was sent; the previous link no longer works.");
        return "redirect:/portal/" + slug + "/users";
    }

    @GetMapping("/{userId}/remove")
    String confirmRemoval(@PathVariable UUID userId, Model model) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        model.addAttribute("user", users.get(me.clientId(), userId));
        model.addAttribute("section", "users");
        return "portal/user-remove";
    }

    @PostMapping("/{userId}/remove")
    String remove(@PathVariable String slug, @PathVariable UUID userId, RedirectAttributes redirect) {
        PortalActor me = portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
        PortalUserView user = users.get(me.clientId(), userId);
        users.remove(me.clientId(), userId);
        redirect.addFlashAttribute("flash", user.fullName() + " no longer has access; their open sessions have ended.");
        return "redirect:/portal/" + slug + "/users";
    }

    private String form(Model model, PortalUserView user) {
        model.addAttribute("user", user);
        model.addAttribute("roles", PortalRole.values());
        model.addAttribute("section", "users");
        return "portal/user-form";
    }
}
