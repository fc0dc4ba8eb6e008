package io.bridgehead.reports;

import java.util.List;
import java.util.UUID;

/**
 * The project's data as it was when a version was generated, kept with the version as JSON: the version is rendered
 * from it (the live findings may change meanwhile) and it records what the report was made from.
 */
record ReportSnapshot(
        String workspaceName,
        String firmLogoPngBase64,
        String clientName,
        String clientLogoPngBase64,
        String projectName,
        String projectType,
        String startDate,
        String endDate,
        List<Finding> findings,
        Template template) {

    ReportSnapshot {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A snapshot made with the built-in Default template (and every snapshot made before templates existed). */
    ReportSnapshot(
            String workspaceName,
            String firmLogoPngBase64,
            String clientName,
            String clientLogoPngBase64,
            String projectName,
            String projectType,
            String startDate,
            String endDate,
            List<Finding> findings) {
        this(
                workspaceName,
                firmLogoPngBase64,
                clientName,
                clientLogoPngBase64,
                projectName,
                projectType,
                startDate,
                endDate,
                findings,
                null);
    }

    /**
     * The workspace template the version was made with, copied as it was then (null: the built-in Default), so a
     * later edit of the template does not change an existing version.
     */
    record Template(
            UUID id,
            String name,
            String primaryColour,
            String accentColour,
            String coverLayout,
            String coverSubtitle,
            String coverNote,
            String introduction,
            String closing,
            String customCss) {}

    record Finding(
            UUID id,
            int version,
            String code,
            String title,
            String severity,
            String severityLabel,
            String status,
            String cvssVector,
            String cvssScore,
            String description,
            String impact,
            String remediation,
            String technicalDetails,
            String references,
            List<String> affectedAssets,
            List<Image> images) {

        Finding {
            affectedAssets = affectedAssets == null ? List.of() : List.copyOf(affectedAssets);
            images = images == null ? List.of() : List.copyOf(images);
        }
    }

    /** An image evidence file: its bytes are read when the version is rendered, not copied into the snapshot. */
    record Image(UUID id, String fileName, String mediaType, long sizeBytes) {}
}
