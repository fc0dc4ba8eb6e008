package io.bridgehead.findings;

import io.bridgehead.access.Grant;
import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's finding library: reusable write-ups to start a finding from, or to keep a good one for later. */
@Service
public class FindingLibrary {

    private final FindingTemplateRepository templates;
    private final Findings findings;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingLibrary(
            FindingTemplateRepository templates,
            Findings findings,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.templates = templates;
        this.findings = findings;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<FindingTemplateView> search(String q, int page) {
        permissions.require(Permission.SEE_PROJECTS);
        String pattern =
                q == null || q.isBlank() ? null : "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%";
        return templates
                .search(TenantContext.require(), pattern, PageRequest.of(Math.max(page, 0), 25))
                .map(FindingTemplate::view);
    }

    @Transactional(readOnly = true)
    public TemplateForm form(UUID templateId) {
        requireWriter();
        return find(templateId).form();
    }

    /** A new finding's form filled from the template. */
    @Transactional(readOnly = true)
    public FindingForm startFinding(UUID templateId) {
        permissions.require(Permission.SEE_PROJECTS);
        return find(templateId).findingForm();
    }

    @Transactional
    public UUID create(TemplateForm form) {
        requireWriter();
        FindingTemplate template = new FindingTemplate(
                TenantContext.require(), CurrentActor.get().orElseThrow().userId(), Instant.now(clock));
        template.write(form, normalisedVector(form.cvss31Vector()), Instant.now(clock));
        templates.save(template);
        audit(AuditAction.FINDING_TEMPLATE_SAVED, template.title(), "New");
        return template.id();
    }

    @Transactional
    public void update(UUID templateId, TemplateForm form) {
        requireWriter();
        FindingTemplate template = find(templateId);
        template.write(form, normalisedVector(form.cvss31Vector()), Instant.now(clock));
        audit(AuditAction.FINDING_TEMPLATE_SAVED, template.title(), "Edited");
    }

    @Transactional
    public void delete(UUID templateId) {
        requireWriter();
        FindingTemplate template = find(templateId);
        templates.delete(template);
        audit(AuditAction.FINDING_TEMPLATE_DELETED, template.title(), null);
    }

    /** Keeps a finding's write-up (not its project-specific details or notes) in the library. */
    @Transactional
    public UUID saveFinding(UUID projectId, UUID findingId) {
        requireWriter();
        FindingView finding = findings.get(projectId, findingId);
        return create(new TemplateForm(
                finding.title(),
                finding.severity(),
                finding.cvss31Vector(),
                finding.description(),
                finding.impact(),
                finding.remediation(),
                finding.referenceLinks()));
    }

    /** Refuses (audited) anyone who may not write templates: asked before a template form is shown or checked. */
    public void requireWriter() {
        if (permissions.grant(Permission.EDIT_PROJECT_CONTENT) == Grant.NONE) {
            permissions.require(Permission.EDIT_PROJECT_CONTENT);
        }
    }

    private static String normalisedVector(String vector) {
        if (vector == null) {
            return null;
        }
        try {
            return Cvss31.parse(vector).vector();
        } catch (InvalidCvssVector e) {
            throw RuleViolation.of("cvss31Vector", e.getMessage());
        }
    }

    private FindingTemplate find(UUID templateId) {
        return templates
                .findByTenantIdAndId(TenantContext.require(), templateId)
                .orElseThrow(() -> NotFoundException.of("Template", templateId));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private void audit(AuditAction action, String title, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(action, "Template " + title, details));
    }
}
