package io.bridgehead.tenancy;

/**
 * An Admin's request to change the workspace's slug, which is also its portal address. {@code confirmed} is the
 * checkbox acknowledging that the old address stops working for clients and that the next change must wait 30 days
 * (null when unticked, as browsers send nothing then).
 */
public record SlugChange(String slug, Boolean confirmed) {

    public boolean isConfirmed() {
        return Boolean.TRUE.equals(confirmed);
    }
}
