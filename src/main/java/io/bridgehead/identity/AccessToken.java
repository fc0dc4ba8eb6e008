package io.bridgehead.identity;

import io.bridgehead.shared.Sha256;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A secret for a link in an e-mail: the workspace id, a dot, and 32 random bytes. Only the SHA-256 of the whole token
 * is stored. Carrying the workspace lets the lookup run under that workspace's row-level security.
 */
record AccessToken(UUID tenantId, String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static AccessToken issue(UUID tenantId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        ByteBuffer id = ByteBuffer.allocate(16)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits());
        return new AccessToken(tenantId, ENCODER.encodeToString(id.array()) + "." + ENCODER.encodeToString(secret));
    }

    static Optional<AccessToken> parse(String value) {
        if (value == null || value.length() > 100) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] id = Base64.getUrlDecoder().decode(value.substring(0, dot));
            if (id.length != 16 || value.length() - dot - 1 < 40) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new AccessToken(new UUID(buffer.getLong(), buffer.getLong()), value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String hash() {
        return Sha256.hex(value);
    }
}
