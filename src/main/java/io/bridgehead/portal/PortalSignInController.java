package io.bridgehead.portal;

import io.bridgehead.identity.AcceptInvitationCmd;
import io.bridgehead.identity.ForgotPasswordCmd;
import io.bridgehead.identity.InvalidLinkException;
import io.bridgehead.identity.PortalAccounts;
import io.bridgehead.identity.PortalPrincipal;
import io.bridgehead.identity.PortalSessions;
import io.bridgehead.identity.PortalSignIn;
import io.bridgehead.identity.ResetPasswordCmd;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.FormErrors;
import io.bridgehead.shared.web.RateLimiter;
import io.bridgehead.shared.web.RequestOrigin;
import io.bridgehead.tenancy.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Getting into the portal: password then authenticator code (or recovery code), first-time enrolment after an
 * invitation, and the forgotten-password loop. The workspace comes from the address; the request filter has set it.
 */
@Controller
@PortalPage
@RequestMapping("/portal/{slug}")
class PortalSignInController {

    static final String RECOVERY_CODES = "bridgehead.portal.recoveryCodes";

    private final PortalSignIn signIn;
    private final PortalAccounts accounts;
    private final PortalSessions sessions;
    private final Workspaces workspaces;
    private final RateLimiter resetLimiter = new RateLimiter(10, Duration.ofMinutes(15));
    private final Clock clock;

    PortalSignInController(
            PortalSignIn signIn, PortalAccounts accounts, PortalSessions sessions, Workspaces workspaces, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.sessions = sessions;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    // Password
    // ---------------------------------------------------------------------------------------------------------

    @GetMapping("/login")
    String loginPage(@PathVariable String slug) {
        if (CurrentActor.get().orElse(null) instanceof PortalPrincipal) {
            return "redirect:/portal/" + slug + "/";
        }
        return "portal/login";
    }

    @PostMapping("/login")
    String login(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            Model model) {
        PortalSignIn.PasswordResult result = signIn.checkPassword(email, password, ip(request));
        return switch (result.next()) {
            case SECOND_FACTOR -> {
                freshSessionId(request);
                new PendingSignIn(
                                TenantContext.require(),
                                result.userId(),
                                result.credentialStamp(),
                                false,
                                clock.millis(),
                                0,
                                null)
                        .keepIn(request.getSession());
                yield "redirect:/portal/" + slug + "/login/code";
            }
            default -> {
                model.addAttribute("email", email);
                model.addAttribute("error", result.next().name());
                yield "portal/login";
            }
        };
    }

    // Second factor
    // ----------------------------------------------------------------------------------------------------

    @GetMapping("/login/code")
    String codePage(@PathVariable String slug, HttpServletRequest request) {
        return pending(request, false).isPresent() ? "portal/code" : "redirect:/portal/" + slug + "/login?timeout";
    }

    @PostMapping("/login/code")
    String code(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PendingSignIn> pending = pending(request, false);
        if (pending.isEmpty()) {
            return "redirect:/portal/" + slug + "/login?timeout";
        }
        Optional<PortalPrincipal> principal =
                signIn.secondFactor(pending.get().userId(), pending.get().credentialStamp(), code, ip(request));
        if (principal.isEmpty()) {
            pending.get().withWrongCode().keepIn(request.getSession());
            model.addAttribute(
                    "error",
                    "That code is not correct, or it was already used. Enter the current code from"
                            + " your authenticator app, or one of your recovery codes.");
            return "portal/code";
        }
        sessions.establish(request, response, principal.get(), idleMinutes());
        return "redirect:/portal/" + slug + "/";
    }

    // Enrolment (first sign-in, or after the firm reset MFA)
    // ------------------------------------------------------------

    @GetMapping("/login/enrol")
    String enrolPage(@PathVariable String slug, HttpServletRequest request, Model model) {
        Optional<PendingSignIn> pending = pending(request, true);
        if (pending.isEmpty()) {
            return "redirect:/portal/" + slug + "/login?timeout";
        }
        showEnrolment(pending.get(), request.getSession(), model);
        return "portal/enrol";
    }

    @PostMapping("/login/enrol")
    String enrol(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PendingSignIn> pending = pending(request, true);
        if (pending.isEmpty() || pending.get().secret() == null) {
            return "redirect:/portal/" + slug + "/login?timeout";
        }
        Optional<List<String>> codes = signIn.completeEnrolment(
                pending.get().userId(),
                pending.get().credentialStamp(),
                pending.get().secret(),
                code);
        if (codes.isEmpty()) {
            PendingSignIn again = pending.get().withWrongCode();
            again.keepIn(request.getSession());
            model.addAttribute(
                    "error",
                    "That code is not correct. Check that the app shows the account you just added"
                            + " and enter the 6-digit code it shows now.");
            showEnrolment(again, request.getSession(), model);
            return "portal/enrol";
        }
        Optional<PortalPrincipal> principal =
                signIn.afterEnrolment(pending.get().userId(), pending.get().credentialStamp(), ip(request));
        if (principal.isEmpty()) {
            return "redirect:/portal/" + slug + "/login?closed";
        }
        sessions.establish(request, response, principal.get(), idleMinutes());
        request.getSession().setAttribute(RECOVERY_CODES, List.copyOf(codes.get()));
        return "redirect:/portal/" + slug + "/recovery-codes";
    }

    private void showEnrolment(PendingSignIn pending, HttpSession session, Model model) {
        PortalSignIn.Enrolment enrolment =
                signIn.enrolment(pending.userId(), workspaces.current().name(), pending.secret());
        if (pending.secret() == null) {
            pending.withSecret(enrolment.secret()).keepIn(session);
        }
        model.addAttribute("qrSvg", enrolment.qrSvg());
        model.addAttribute("manualKey", enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
    }

    // Invitations
    // ------------------------------------------------------------------------------------------------------

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model) {
        PortalAccounts.InvitationDetails details = accounts.invitation(token);
        model.addAttribute("invitation", details);
        model.addAttribute("token", token);
        model.addAttribute("form", new AcceptInvitationCmd(details.fullName(), "", ""));
        return "portal/invitation";
    }

    @PostMapping("/invitation/{token}")
    String acceptInvitation(
            @PathVariable String slug,
            @PathVariable String token,
            @Valid @ModelAttribute("form") AcceptInvitationCmd form,
            BindingResult result,
            HttpServletRequest request,
            Model model) {
        if (!result.hasErrors()) {
            try {
                PortalAccounts.AcceptedInvitation accepted = accounts.acceptInvitation(token, form);
                freshSessionId(request);
                new PendingSignIn(
                                TenantContext.require(),
                                accepted.userId(),
                                accepted.credentialStamp(),
                                true,
                                clock.millis(),
                                0,
                                null)
                        .keepIn(request.getSession());
                return "redirect:/portal/" + slug + "/login/enrol";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        model.addAttribute("invitation", accounts.invitation(token));
        model.addAttribute("token", token);
        return "portal/invitation";
    }

    // Forgotten password
    // -----------------------------------------------------------------------------------------------

    @GetMapping("/password/forgot")
    String forgotPage(Model model) {
        model.addAttribute("form", new ForgotPasswordCmd(""));
        return "portal/forgot-password";
    }

    @PostMapping("/password/forgot")
    String forgot(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") ForgotPasswordCmd form,
            BindingResult result,
            HttpServletRequest request,
            Model model) {
        if (result.hasErrors()) {
            return "portal/forgot-password";
        }
        if (!resetLimiter.tryAcquire(ip(request))) {
            model.addAttribute("error", "Too many requests from your network. Wait a few minutes and try again.");
            return "portal/forgot-password";
        }
        accounts.requestPasswordReset(form);
        return "redirect:/portal/" + slug + "/login?resetsent";
    }

    @GetMapping("/password/reset/{token}")
    String resetPage(@PathVariable String token, Model model) {
        model.addAttribute("email", accounts.passwordResetEmail(token));
        model.addAttribute("token", token);
        model.addAttribute("form", new ResetPasswordCmd("", ""));
        return "portal/reset-password";
    }

    @PostMapping("/password/reset/{token}")
    String reset(
            @PathVariable String slug,
            @PathVariable String token,
            @ModelAttribute("form") ResetPasswordCmd form,
            BindingResult result,
            Model model) {
        try {
            accounts.resetPassword(token, form);
            return "redirect:/portal/" + slug + "/login?reset";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
        }
        model.addAttribute("email", accounts.passwordResetEmail(token));
        model.addAttribute("token", token);
        return "portal/reset-password";
    }

    // Changing the e-mail address ---------------------------------------------------------------------------------

    /** Opening the link shows a button: link checkers that fetch it must not change anything. */
    @GetMapping("/email/confirm/{token}")
    String emailChangePage(@PathVariable String token, Model model) {
        model.addAttribute("email", accounts.emailChangeFor(token));
        model.addAttribute("token", token);
        return "portal/confirm-email";
    }

    @PostMapping("/email/confirm/{token}")
    String confirmEmailChange(@PathVariable String slug, @PathVariable String token) {
        accounts.confirmEmailChange(token);
        return "redirect:/portal/" + slug + "/login?emailchanged";
    }

    @ExceptionHandler(InvalidLinkException.class)
    @ResponseStatus(HttpStatus.GONE)
    String invalidLink() {
        return "portal/invalid-link";
    }

    private Optional<PendingSignIn> pending(HttpServletRequest request, boolean enrol) {
        return PendingSignIn.in(request.getSession(false), TenantContext.require(), clock.millis())
                .filter(p -> p.enrol() == enrol);
    }

    private int idleMinutes() {
        return workspaces.current().portalIdleTimeoutMinutes();
    }

    /** Whoever held the session id before the password was right does not hold it after (no fixation). */
    private static void freshSessionId(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    private static String ip(HttpServletRequest request) {
        return RequestOrigin.of(request).ip();
    }
}
