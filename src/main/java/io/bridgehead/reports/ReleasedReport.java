package io.bridgehead.reports;

/** A version released to the client, with its project's name for the portal's list. */
public record ReleasedReport(ReportVersionView version, String projectName) {}
