package io.bridgehead.identity;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.session.SessionIdGenerator;
import org.springframework.stereotype.Component;

/**
 * Session ids of 216 random bits from a CSPRNG, written as 36 base64url characters (the width of the session table's
 * id column). ASVS 7.2.3 asks for at least 128 bits; Spring Session's default, a random UUID, carries 122.
 */
@Component
class SessionIds implements SessionIdGenerator {

    static final int RANDOM_BYTES = 27;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
