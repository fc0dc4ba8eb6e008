package io.bridgehead.portal;

/** The current password, asked again before the authenticator or the recovery codes change. */
record ConfirmPasswordForm(String currentPassword) {}
