package io.bridgehead.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts from one address, whatever the e-mails tried. */
class SignInThrottledException extends AuthenticationException {

    SignInThrottledException() {
        super("Too many sign-in attempts from this address");
    }
}
