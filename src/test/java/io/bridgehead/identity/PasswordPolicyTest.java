package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortPasswords() {
        assertThat(policy.problemWith("Sh0rt-pass!", "a@b.c")).contains("Use at least 12 characters.");
    }

    @Test
    void refusesCommonPasswordsWhateverTheCase() {
        assertThat(policy.problemWith("Password1234", "someone@example.com"))
                .get()
                .asString()
                .contains("too common");
        assertThat(policy.problemWith("QWERTYUIOP123", "someone@example.com"))
                .get()
                .asString()
                .contains("too common");
    }

    @Test
    void refusesRepeatedCharacters() {
        assertThat(policy.problemWith("abababababababab", "someone@example.com"))
                .get()
                .asString()
                .contains("too common");
    }

    @Test
    void refusesTheEmailNameInThePassword() {
        assertThat(policy.problemWith("margaret-Summer-77", "margaret@example.com"))
                .get()
                .asString()
                .contains("e-mail");
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(policy.problemWith("x1!".repeat(50), "someone@example.com")).contains("Use at most 128 characters.");
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problemWith("Correct-Horse-7-Battery", "someone@example.com"))
                .isEmpty();
    }
}
