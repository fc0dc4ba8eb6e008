package io.bridgehead.clients;

/** Which optional finding fields a client's portal shows; the firm chooses per client. */
public record PortalFieldVisibility(boolean cvss, boolean technicalDetails, boolean references, boolean evidence) {

    public static final PortalFieldVisibility ALL = new PortalFieldVisibility(true, true, true, true);
}
