package io.bridgehead.reports;

import java.time.Instant;
import java.util.UUID;

/** A workspace report template in lists and the generate form's choice. */
public record ReportTemplateView(UUID id, String name, String primaryColour, Instant updatedAt) {}
