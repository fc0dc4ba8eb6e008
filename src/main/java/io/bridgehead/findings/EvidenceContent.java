package io.bridgehead.findings;

/** The bytes of an evidence file with what it was checked to be, ready to serve. */
public record EvidenceContent(String fileName, String contentType, boolean inline, byte[] bytes) {}
