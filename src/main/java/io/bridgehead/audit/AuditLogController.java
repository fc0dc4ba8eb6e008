package io.bridgehead.audit;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Admin's audit log viewer; the URL rule limits /admin to Admins. */
@Controller
@RequestMapping("/admin/audit")
class AuditLogController {

    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    AuditLogController(AuditLog auditLog, ApplicationEventPublisher events) {
        this.auditLog = auditLog;
        this.events = events;
    }

    @ModelAttribute("section")
    String section() {
        return "audit";
    }

    @GetMapping
    String browse(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID client,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditQuery query = new AuditQuery(actor, action, from, to, client, page);
        model.addAttribute("query", query);
        model.addAttribute("entries", auditLog.search(query));
        model.addAttribute("actions", AuditAction.values());
        return "audit/log";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        ChainVerification result = auditLog.verifyChain();
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.AUDIT_CHAIN_VERIFIED,
                null,
                result.intact()
                        ? "Intact, " + result.entriesChecked() + " entries"
                        : "Broken at entry " + result.firstBrokenSeq() + ": " + result.problem()));
        model.addAttribute("verification", result);
        return browse(null, null, null, null, null, 0, model);
    }
}
