package io.bridgehead.audit;

/** The outcome of recomputing a workspace's hash chain; {@code firstBrokenSeq} names the first entry that fails. */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {}
