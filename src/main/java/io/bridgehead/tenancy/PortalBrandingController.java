package io.bridgehead.tenancy;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.images.LogoRejected;
import io.bridgehead.shared.images.LogoUpload;
import io.bridgehead.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Admin's page for the client portal's look, with a preview rendered on the server. The preview's colours come
 * from a stylesheet ({@code preview.css}) rather than style attributes, which the Content-Security-Policy forbids.
 */
@Controller
@RequestMapping("/admin/portal-branding")
class PortalBrandingController {

    private static final MediaType CSS = new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);

    private final PortalBrandings brandings;
    private final Workspaces workspaces;
    private final Permissions permissions;

    PortalBrandingController(PortalBrandings brandings, Workspaces workspaces, Permissions permissions) {
        this.brandings = brandings;
        this.workspaces = workspaces;
        this.permissions = permissions;
    }

    @ModelAttribute("section")
    String section() {
        return "workspace";
    }

    @GetMapping
    String initForm(Model model) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        PortalBrandingForm form = brandings.currentForm();
        model.addAttribute("form", form);
        return page(model, TypedColours.of(form), null);
    }

    /** Saves; on a broken rule the page comes back (422) with the input kept and the saved look in the preview. */
    @PostMapping
    String processForm(
            @Valid @ModelAttribute("form") PortalBrandingForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        if (!result.hasErrors()) {
            try {
                brandings.update(form);
                redirect.addFlashAttribute("flash", "Portal branding saved.");
                return "redirect:/admin/portal-branding";
            } catch (RuleViolation violation) {
                FormErrors.reject(result, violation);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, TypedColours.of(result), null);
    }

    /** Shows the submitted values in the preview without saving them. */
    @PostMapping("/preview")
    String preview(
            @Valid @ModelAttribute("form") PortalBrandingForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, TypedColours.of(result), null);
        }
        return page(model, TypedColours.of(result), brandings.preview(form));
    }

    /**
     * The preview's colours as custom properties on {@code .portal-preview}. The values are validated again here:
     * anything but {@code #rrggbb} falls back to the defaults, so nothing else can reach the stylesheet.
     */
    @GetMapping("/preview.css")
    ResponseEntity<String> previewCss(
            @RequestParam(required = false) String primary, @RequestParam(required = false) String accent) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        PortalBranding colours = new PortalBranding(
                "",
                PortalBranding.isColour(primary) ? primary : PortalBranding.DEFAULT_PRIMARY_COLOUR,
                PortalBranding.isColour(accent) ? accent : PortalBranding.DEFAULT_ACCENT_COLOUR,
                "",
                "",
                "",
                java.util.Map.of(),
                true,
                false,
                "",
                "",
                0);
        return ResponseEntity.ok()
                .contentType(CSS)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(colours.css(".portal-preview") + "\n");
    }

    /** The saved logo, when the plan allows one: re-encoded PNG, never sniffed, cached privately (URL is versioned). */
    @GetMapping("/logo")
    ResponseEntity<byte[]> logo() {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        return brandings
                .logo(workspaces.current().id())
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", "inline; filename=\"logo.png\"")
                        .body(png))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @PostMapping("/logo")
    String replaceLogo(LogoUpload upload, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        try {
            brandings.replaceLogo(upload.bytes(), upload.crop());
        } catch (LogoRejected | RuleViolation rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("logoError", rejected.getMessage());
            PortalBrandingForm form = brandings.currentForm();
            model.addAttribute("form", form);
            return page(model, TypedColours.of(form), null);
        }
        redirect.addFlashAttribute("flash", "Portal logo saved.");
        return "redirect:/admin/portal-branding";
    }

    @PostMapping("/logo/remove")
    String removeLogo(RedirectAttributes redirect) {
        brandings.removeLogo();
        redirect.addFlashAttribute("flash", "Portal logo removed; the portal shows the default logo.");
        return "redirect:/admin/portal-branding";
    }

    /**
     * The page; {@code typed} are the colours in the form's text fields (perhaps mistyped), {@code submitted} the look
     * of values being previewed, null to preview the saved look.
     */
    private String page(Model model, TypedColours typed, PortalBranding submitted) {
        PortalBranding saved = brandings.current();
        PortalBranding preview = submitted == null ? saved : submitted;
        model.addAttribute("workspace", workspaces.current());
        model.addAttribute("customAllowed", brandings.customBrandingAllowed());
        model.addAttribute("saved", saved);
        model.addAttribute("preview", preview);
        model.addAttribute("previewingInput", submitted != null);
        model.addAttribute("explanationFields", PortalBrandingForm.EXPLANATION_FIELDS);
        model.addAttribute("primaryPicker", pickerValue(typed.primaryColour(), preview.primaryColour()));
        model.addAttribute("accentPicker", pickerValue(typed.accentColour(), preview.accentColour()));
        return "tenancy/portal-branding";
    }

    /** The colours as typed: from a bound form's raw input, which survives even a form that could not be built. */
    private record TypedColours(String primaryColour, String accentColour) {

        static TypedColours of(BindingResult result) {
            return new TypedColours(
                    text(result.getFieldValue("primaryColour")), text(result.getFieldValue("accentColour")));
        }

        static TypedColours of(PortalBrandingForm form) {
            return new TypedColours(form.primaryColour(), form.accentColour());
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    // A colour input needs a valid colour even while the text field holds a mistyped one.
    private static String pickerValue(String typed, String fallback) {
        return PortalBranding.isColour(typed) ? typed.toLowerCase(java.util.Locale.ROOT) : fallback;
    }
}
