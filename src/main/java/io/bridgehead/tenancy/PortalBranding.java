package io.bridgehead.tenancy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a workspace's client portal looks, with the plan's rules already applied: on Starter {@code showPoweredBy} is
 * always true and {@code customLogo} false. Colours are validated {@code #rrggbb} (lower case), so {@link #css()} can
 * be served as a stylesheet as it is. {@code welcomeMessage} and {@code helpText} are Markdown, shown as
 * {@code welcomeHtml} / {@code helpHtml} (already sanitised, for {@code th:utext}); {@code footerText} and the status
 * explanations are plain text. {@code statusExplanations} has an entry for every finding status name in
 * {@link #STATUSES}, in that order (the saved sentence, or the default one). {@code logoVersion} changes with every new logo, for
 * cache-busting logo URLs.
 */
public record PortalBranding(
        String workspaceName,
        String primaryColour,
        String accentColour,
        String welcomeMessage,
        String footerText,
        String helpText,
        Map<String, String> statusExplanations,
        boolean showPoweredBy,
        boolean customLogo,
        String welcomeHtml,
        String helpHtml,
        int logoVersion) {

    public static final String DEFAULT_PRIMARY_COLOUR = "#1f4e79";
    public static final String DEFAULT_ACCENT_COLOUR = "#2e7d32";

    /** The finding statuses a portal shows, by their names in the findings module, in workflow order. */
    public static final List<String> STATUSES = List.of(
            "OPEN",
            "PENDING_VERIFICATION",
            "RETEST_REQUESTED",
            "VERIFIED_FIXED",
            "PARTIALLY_FIXED",
            "ACCEPTED_RISK",
            "CLOSED");

    /** What each status means to a client, when the workspace has not written its own sentence. */
    public static final Map<String, String> DEFAULT_STATUS_EXPLANATIONS = inStatusOrder(Map.of(
            "OPEN", "The firm found this issue and it has not been fixed yet.",
            "PENDING_VERIFICATION", "You reported this as fixed; the firm will verify it.",
            "RETEST_REQUESTED", "You asked for a retest; the firm will test this again.",
            "VERIFIED_FIXED", "The firm tested the fix and confirmed that the issue is resolved.",
            "PARTIALLY_FIXED", "The firm found the fix incomplete; part of the issue remains.",
            "ACCEPTED_RISK", "This risk has been accepted and will not be fixed for now.",
            "CLOSED", "This finding is closed; no further action is needed."));

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public PortalBranding {
        primaryColour = checkedColour(primaryColour);
        accentColour = checkedColour(accentColour);
        statusExplanations = completed(statusExplanations);
    }

    /** Whether the text is a colour this record accepts: {@code #} and six hexadecimal digits. */
    public static boolean isColour(String text) {
        return text != null && COLOUR.matcher(text).matches();
    }

    /**
     * The portal's colours as CSS custom properties: {@code --portal-primary}, {@code --portal-accent} and
     * {@code --portal-on-primary} (black or white, whichever contrasts more with the primary colour).
     */
    public String css() {
        return ":root{" + declarations() + "}";
    }

    /** The same custom properties for any selector, e.g. a preview box on an Admin page. */
    public String css(String selector) {
        return selector + "{" + declarations() + "}";
    }

    /** Black or white: whichever has the higher WCAG contrast ratio against the primary colour. */
    public String onPrimaryColour() {
        double luminance = relativeLuminance(primaryColour);
        double withWhite = 1.05 / (luminance + 0.05);
        double withBlack = (luminance + 0.05) / 0.05;
        return withWhite >= withBlack ? "#ffffff" : "#000000";
    }

    /** The sentence explaining a finding status (by name, e.g. {@code "OPEN"}); empty for an unknown name. */
    public String explanationFor(String status) {
        return statusExplanations.getOrDefault(status, "");
    }

    private String declarations() {
        return "--portal-primary:" + primaryColour + ";--portal-accent:" + accentColour + ";--portal-on-primary:"
                + onPrimaryColour();
    }

    private static String checkedColour(String colour) {
        if (!isColour(colour)) {
            throw new IllegalArgumentException("Not a #rrggbb colour: " + colour);
        }
        return colour.toLowerCase(Locale.ROOT);
    }

    private static double relativeLuminance(String colour) {
        return 0.2126 * channel(colour, 1) + 0.7152 * channel(colour, 3) + 0.0722 * channel(colour, 5);
    }

    private static double channel(String colour, int start) {
        double value = Integer.parseInt(colour.substring(start, start + 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    private static Map<String, String> inStatusOrder(Map<String, String> byStatus) {
        Map<String, String> ordered = new LinkedHashMap<>();
        STATUSES.forEach(status -> ordered.put(status, byStatus.get(status)));
        return Collections.unmodifiableMap(ordered);
    }

    // Every status gets a sentence (a blank one falls back to the default), in workflow order.
    private static Map<String, String> completed(Map<String, String> given) {
        Map<String, String> completed = new LinkedHashMap<>();
        for (String status : STATUSES) {
            String sentence = given == null ? null : given.get(status);
            completed.put(
                    status,
                    sentence == null || sentence.isBlank()
                            ? DEFAULT_STATUS_EXPLANATIONS.get(status)
                            : sentence.strip());
        }
        return Collections.unmodifiableMap(completed);
    }
}
