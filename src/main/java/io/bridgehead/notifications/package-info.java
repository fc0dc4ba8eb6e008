/** Outgoing e-mail through a persistent outbox, sent by a background job with retries. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access"})
package io.bridgehead.notifications;
