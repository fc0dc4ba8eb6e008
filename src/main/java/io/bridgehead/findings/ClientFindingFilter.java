package io.bridgehead.findings;

/** The portal's findings list filter; a null field does not filter. */
public record ClientFindingFilter(Severity severity, FindingStatus status) {

    public static final ClientFindingFilter NONE = new ClientFindingFilter(null, null);
}
