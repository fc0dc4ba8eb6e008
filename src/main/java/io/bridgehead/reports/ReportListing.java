package io.bridgehead.reports;

/** A version with its project's name, for lists that span projects (the Reports section, the client portal). */
public record ReportListing(ReportVersionView version, String projectName) {}
