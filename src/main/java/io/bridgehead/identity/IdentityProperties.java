package io.bridgehead.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param absoluteSessionLifetime a session ends this long after sign-in, however active
 * @param signInAttemptsPerIp sign-in attempts one IP address may make per {@code signInIpWindow}
 * @param resetRequestsPerIp password-reset requests one IP address may make per {@code signInIpWindow}
 * @param demoWorkspace create the demo workspace and its admin on the very first start
 */
@ConfigurationProperties("bridgehead.identity")
record IdentityProperties(
        @DefaultValue("12h") Duration absoluteSessionLifetime,
        @DefaultValue("30") int signInAttemptsPerIp,
        @DefaultValue("10") int resetRequestsPerIp,
        @DefaultValue("5m") Duration signInIpWindow,
        @DefaultValue("true") boolean demoWorkspace) {}
