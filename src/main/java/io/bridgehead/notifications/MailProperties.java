package io.bridgehead.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from sender of every message
 * @param dispatchInterval how often the outbox is checked for due messages
 * @param maxAttempts attempts before a message is marked failed
 */
@ConfigurationProperties("bridgehead.mail")
record MailProperties(
        @DefaultValue("Bridgehead <no-reply@bridgehead.local>")
        String from,

        @DefaultValue("5s") Duration dispatchInterval,
        @DefaultValue("10") int maxAttempts) {}
