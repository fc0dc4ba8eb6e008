package io.bridgehead.portal;

import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.tenancy.PortalBrandings;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's portal colours as a stylesheet (no inline styles under the CSP) and its logo; public, like the sign-in page. */
@RestController
@RequestMapping("/portal/{slug}")
class PortalStylesheetController {

    private final PortalBrandings brandings;

    PortalStylesheetController(PortalBrandings brandings) {
        this.brandings = brandings;
    }

    @GetMapping(value = "/branding.css", produces = "text/css")
    ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(brandings.forWorkspace(TenantContext.require()).css());
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> logo() {
        return brandings
                .logo(TenantContext.require())
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", "inline; filename=\"logo.png\"")
                        .body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
