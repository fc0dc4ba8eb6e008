package io.bridgehead.clients;

/** Which logos the cover of a client's reports shows; both by default. Also the Settings tab's form. */
public record ReportBranding(Boolean firmLogo, Boolean clientLogo) {

    /** An unticked checkbox sends nothing: that means "no". */
    public ReportBranding {
        firmLogo = Boolean.TRUE.equals(firmLogo);
        clientLogo = Boolean.TRUE.equals(clientLogo);
    }

    public static final ReportBranding BOTH = new ReportBranding(true, true);
}
