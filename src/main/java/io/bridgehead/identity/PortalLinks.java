package io.bridgehead.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links for portal users (invitations, password resets). A new link retires the user's earlier open links
 * of the same purpose; only the token's SHA-256 is stored; using a link locks its row so two uses cannot both win.
 */
@Component
class PortalLinks {

    enum Purpose {
        INVITATION,
        PASSWORD_RESET,
        EMAIL_CHANGE
    }

    /** A used e-mail change link: whose, and the address it confirmed. */
    record EmailChange(UUID userId, String newEmail) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortalLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String issue(UUID tenantId, UUID userId, Purpose purpose, Duration validity) {
        return issue(tenantId, userId, purpose, validity, null);
    }

    /** A link that confirms {@code newEmail} as the user's address once it is opened from that address's mailbox. */
    @Transactional(propagation = Propagation.MANDATORY)
    String issueEmailChange(UUID tenantId, UUID userId, String newEmail, Duration validity) {
        return issue(tenantId, userId, Purpose.EMAIL_CHANGE, validity, newEmail);
    }

    private String issue(UUID tenantId, UUID userId, Purpose purpose, Duration validity, String newEmail) {
        revokeOpen(tenantId, userId, purpose);
        AccessToken token = AccessToken.issue(tenantId);
        Instant now = Instant.now(clock);
        jdbc.update(
                "insert into portal_link (tenant_id, id, user_id, purpose, token_hash, created_at, expires_at,"
                        + " new_email) values (?, ?, ?, ?, ?, ?, ?, ?)",
                tenantId,
                UUID.randomUUID(),
                userId,
                purpose.name(),
                token.hash(),
                Timestamp.from(now),
                Timestamp.from(now.plus(validity)),
                newEmail);
        return token.value();
    }

    /** The address an open e-mail change link would confirm, without using it. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<EmailChange> peekEmailChange(UUID tenantId, String token) {
        return peek(tenantId, token, Purpose.EMAIL_CHANGE)
                .map(user -> new EmailChange(user, newEmailOf(tenantId, token)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<EmailChange> useEmailChange(UUID tenantId, String token) {
        return use(tenantId, token, Purpose.EMAIL_CHANGE)
                .map(user -> new EmailChange(user, newEmailOf(tenantId, token)));
    }

    private String newEmailOf(UUID tenantId, String token) {
        return jdbc.queryForObject(
                "select new_email from portal_link where tenant_id = ? and token_hash = ?",
                String.class,
                tenantId,
                AccessToken.parse(token).orElseThrow().hash());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revokeOpen(UUID tenantId, UUID userId, Purpose purpose) {
        jdbc.update(
                "update portal_link set revoked_at = ? where tenant_id = ? and user_id = ? and purpose = ?"
                        + " and used_at is null and revoked_at is null",
                Timestamp.from(Instant.now(clock)),
                tenantId,
                userId,
                purpose.name());
    }

    /** The user a still-usable link belongs to, without using it (to show its page). */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> peek(UUID tenantId, String token, Purpose purpose) {
        return find(tenantId, token, purpose, "");
    }

    /** Uses the link: the user it belongs to, once; later calls and concurrent ones get nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> use(UUID tenantId, String token, Purpose purpose) {
        Optional<UUID> user = find(tenantId, token, purpose, " for update");
        user.ifPresent(u -> jdbc.update(
                "update portal_link set used_at = ? where tenant_id = ? and token_hash = ?",
                Timestamp.from(Instant.now(clock)),
                tenantId,
                AccessToken.parse(token).orElseThrow().hash()));
        return user;
    }

    private Optional<UUID> find(UUID tenantId, String token, Purpose purpose, String lock) {
        Optional<AccessToken> parsed =
                AccessToken.parse(token).filter(t -> t.tenantId().equals(tenantId));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> users = jdbc.queryForList(
                "select user_id from portal_link where tenant_id = ? and token_hash = ? and purpose = ?"
                        + " and used_at is null and revoked_at is null and expires_at > ?" + lock,
                UUID.class,
                tenantId,
                parsed.get().hash(),
                purpose.name(),
                Timestamp.from(Instant.now(clock)));
        return users.stream().findFirst();
    }
}
