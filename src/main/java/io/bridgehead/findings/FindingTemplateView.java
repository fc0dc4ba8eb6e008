package io.bridgehead.findings;

import java.time.Instant;
import java.util.UUID;

public record FindingTemplateView(UUID id, String title, Severity severity, String cvss31Vector, Instant updatedAt) {}
