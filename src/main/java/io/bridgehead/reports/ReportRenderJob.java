package io.bridgehead.reports;

import io.bridgehead.findings.FindingEvidence;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.web.Markdown;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Renders one queued report version, as the db-scheduler task {@link ReportRenderTask} asks. Starting the version
 * is one short transaction; layout runs with no database connection held; the result is stored in a second
 * transaction: DONE with the PDF, or FAILED with a reason and no PDF.
 */
@Component
class ReportRenderJob {

    private static final Log log = LogFactory.getLog(ReportRenderJob.class);
    // Bounds the memory one rendering takes: evidence files are up to 20 MB each.
    static final long IMAGE_BUDGET_BYTES = 50L * 1024 * 1024;
    static final int MAX_ATTEMPTS = 3;
    static final String ABANDONED = "Rendering stopped " + MAX_ATTEMPTS + " times without finishing (the server may"
            + " lack memory for this report). Generate it again, perhaps with fewer or smaller evidence images.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final JdbcTemplate jdbc;
    private final ScopedTransactions transactions;
    private final ReportRenderer renderer;
    private final Markdown markdown;
    private final FindingEvidence evidence;
    private final Clock clock;

    ReportRenderJob(
            JdbcTemplate jdbc,
            ScopedTransactions transactions,
            ReportRenderer renderer,
            Markdown markdown,
            FindingEvidence evidence,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.renderer = renderer;
        this.markdown = markdown;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** A started version: everything the PDF is made from, read before the connection goes back to the pool. */
    record Claimed(
            UUID tenantId,
            UUID id,
            String title,
            String versionLabel,
            String classification,
            String executiveSummary,
            String scope,
            String methodology,
            Instant createdAt,
            String snapshotJson) {}

    /** Renders the version unless it is gone (project deleted) or already finished. */
    void render(UUID tenantId, UUID versionId) {
        transactions.writeAs(tenantId, () -> start(tenantId, versionId)).ifPresent(this::render);
    }

    /*
     * Counts attempts: a version found RENDERING was started by a node that died (db-scheduler revived the job);
     * after MAX_ATTEMPTS such starts it fails instead of taking nodes down in a loop.
     */
    private Optional<Claimed> start(UUID tenantId, UUID versionId) {
        jdbc.update(
                "update report_version set status = 'FAILED', failure_reason = ?, finished_at = ?"
                        + " where tenant_id = ? and id = ? and status = 'RENDERING' and attempts >= ?",
                ABANDONED,
                Timestamp.from(Instant.now(clock)),
                tenantId,
                versionId,
                MAX_ATTEMPTS);
        return jdbc
                .query(
                        "update report_version set status = 'RENDERING', attempts = attempts + 1"
                                + " where tenant_id = ? and id = ? and status in ('QUEUED', 'RENDERING')"
                                + " returning tenant_id, id, title, version_label, classification, executive_summary,"
                                + " scope, methodology, created_at, data_snapshot::text",
                        (rs, i) -> new Claimed(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getTimestamp(9).toInstant(),
                                rs.getString(10)),
                        tenantId,
                        versionId)
                .stream()
                .findFirst();
    }

    private void render(Claimed claimed) {
        ReportRenderer.Rendered rendered;
        try {
            ReportSnapshot snapshot = snapshotOf(claimed);
            List<UUID> wanted = embeddedImageIds(snapshot);
            // A second short read; the connection is back in the pool before layout starts.
            Map<UUID, byte[]> images = transactions.readAs(claimed.tenantId(), () -> evidence.imagesForReport(wanted));
            rendered = renderer.render(document(claimed, snapshot, images), ReportStyle.of(snapshot.template()));
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("Report " + claimed.id() + " could not be rendered", e);
            failed(claimed, reason(e));
            return;
        }
        transactions.writeAs(
                claimed.tenantId(),
                () -> jdbc.update(
                        "update report_version set status = 'DONE', pdf = ?, page_count = ?, size_bytes = ?, finished_at = ?,"
                                + " failure_reason = null"
                                + " where tenant_id = ? and id = ? and status = 'RENDERING'",
                        rendered.pdf(),
                        rendered.pages(),
                        (long) rendered.pdf().length,
                        Timestamp.from(Instant.now(clock)),
                        claimed.tenantId(),
                        claimed.id()));
    }

    private void failed(Claimed claimed, String reason) {
        transactions.writeAs(
                claimed.tenantId(),
                () -> jdbc.update(
                        "update report_version set status = 'FAILED', pdf = null, failure_reason = ?, finished_at = ?"
                                + " where tenant_id = ? and id = ? and status = 'RENDERING'",
                        reason,
                        Timestamp.from(Instant.now(clock)),
                        claimed.tenantId(),
                        claimed.id()));
    }

    private static String reason(Throwable e) {
        String reason = e instanceof ReportCannotBeMade
                ? e.getMessage()
                : "The PDF could not be laid out (" + e.getClass().getSimpleName() + "). Generate the report again;"
                        + " if it fails again, tell your administrator.";
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** What the version was made from is unusable; the message is the reason people see. */
    static final class ReportCannotBeMade extends RuntimeException {
        ReportCannotBeMade(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    static ReportSnapshot snapshotOf(Claimed claimed) {
        try {
            return Reports.JSON.readValue(claimed.snapshotJson(), ReportSnapshot.class);
        } catch (RuntimeException e) {
            throw new ReportCannotBeMade(
                    "The data this version was made from could not be read, so no PDF was made.", e);
        }
    }

    /** The images to embed, in report order, as long as they fit the budget; the rest are only named. */
    static List<UUID> embeddedImageIds(ReportSnapshot snapshot) {
        List<UUID> ids = new ArrayList<>();
        long total = 0;
        for (ReportSnapshot.Finding f : snapshot.findings()) {
            for (ReportSnapshot.Image image : f.images()) {
                if (total + image.sizeBytes() <= IMAGE_BUDGET_BYTES) {
                    total += image.sizeBytes();
                    ids.add(image.id());
                }
            }
        }
        return ids;
    }

    ReportDocument document(Claimed claimed, ReportSnapshot snapshot, Map<UUID, byte[]> images) {
        java.util.Set<UUID> wanted = new java.util.HashSet<>(embeddedImageIds(snapshot));
        List<ReportDocument.Section> sections = new ArrayList<>();
        for (int i = 0; i < snapshot.findings().size(); i++) {
            sections.add(section(i + 1, snapshot.findings().get(i), wanted, images));
        }
        return new ReportDocument(
                claimed.title(),
                claimed.versionLabel(),
                claimed.classification(),
                snapshot.workspaceName(),
                snapshot.firmLogoPngBase64() == null ? null : "data:image/png;base64," + snapshot.firmLogoPngBase64(),
                snapshot.clientName(),
                snapshot.clientLogoPngBase64() == null
                        ? null
                        : "data:image/png;base64," + snapshot.clientLogoPngBase64(),
                snapshot.projectName(),
                snapshot.projectType(),
                period(snapshot.startDate(), snapshot.endDate()),
                DAY.format(claimed.createdAt().atZone(ZoneOffset.UTC)),
                markdown.toHtml(claimed.executiveSummary()),
                markdown.toHtml(claimed.scope()),
                markdown.toHtml(claimed.methodology()),
                chart(snapshot.findings()),
                List.copyOf(sections));
    }

    private ReportDocument.Section section(
            int index, ReportSnapshot.Finding f, java.util.Set<UUID> wanted, Map<UUID, byte[]> images) {
        return new ReportDocument.Section(
                "finding-" + index,
                f.code(),
                f.title(),
                f.severity(),
                f.severityLabel(),
                f.status(),
                f.cvssVector(),
                f.cvssScore(),
                markdown.toHtml(f.description()),
                markdown.toHtml(f.impact()),
                markdown.toHtml(f.remediation()),
                markdown.toHtml(f.technicalDetails()),
                lines(f.references()),
                f.affectedAssets(),
                f.images().stream().map(i -> image(f, i, wanted, images)).toList());
    }

    private static ReportDocument.Image image(
            ReportSnapshot.Finding finding,
            ReportSnapshot.Image image,
            java.util.Set<UUID> wanted,
            Map<UUID, byte[]> images) {
        if (!wanted.contains(image.id())) {
            return new ReportDocument.Image(
                    image.fileName(),
                    null,
                    "Not embedded: the report's images exceed " + IMAGE_BUDGET_BYTES / (1024 * 1024)
                            + " MB. The file is attached to the finding.");
        }
        byte[] bytes = images.get(image.id());
        if (bytes == null) {
            throw new ReportCannotBeMade(
                    "The evidence file “" + image.fileName() + "” of " + finding.code()
                            + " was removed after this version was queued. Generate the report again.",
                    null);
        }
        ReportImages.Embeddable embeddable = ReportImages.fitted(image.mediaType(), bytes);
        return new ReportDocument.Image(
                image.fileName(),
                "data:" + embeddable.mediaType() + ";base64,"
                        + Base64.getEncoder().encodeToString(embeddable.bytes()),
                null);
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String period(String start, String end) {
        if (start == null && end == null) {
            return null;
        }
        return (start == null ? "…" : DAY.format(LocalDate.parse(start))) + " – "
                + (end == null ? "…" : DAY.format(LocalDate.parse(end)));
    }

    private static List<ReportDocument.SeverityBar> chart(List<ReportSnapshot.Finding> findings) {
        Map<io.bridgehead.findings.Severity, Integer> counts = new EnumMap<>(io.bridgehead.findings.Severity.class);
        for (io.bridgehead.findings.Severity s : io.bridgehead.findings.Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(io.bridgehead.findings.Severity.valueOf(f.severity()), 1, Integer::sum));
        int max = Math.max(
                1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        return counts.entrySet().stream()
                .map(e -> new ReportDocument.SeverityBar(
                        e.getKey().name(),
                        e.getKey().label(),
                        e.getValue(),
                        e.getValue() == 0 ? 0 : Math.max(1, e.getValue() * 100 / max)))
                .toList();
    }
}
