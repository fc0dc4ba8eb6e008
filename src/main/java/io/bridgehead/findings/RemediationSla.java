package io.bridgehead.findings;

/** Days a workspace gives to fix a finding, per severity (defaults 7 / 30 / 90 / 180); Informational has none. */
public record RemediationSla(int criticalDays, int highDays, int mediumDays, int lowDays) {

    public static final RemediationSla DEFAULT = new RemediationSla(7, 30, 90, 180);

    public Integer daysFor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> criticalDays;
            case HIGH -> highDays;
            case MEDIUM -> mediumDays;
            case LOW -> lowDays;
            case INFORMATIONAL -> null;
        };
    }
}
