package io.bridgehead.clients;

/** How many of a client's projects are in one delivery status. */
public record ProjectStatusCount(String status, String label, long count) {}
