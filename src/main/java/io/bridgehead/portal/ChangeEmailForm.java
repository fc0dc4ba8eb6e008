package io.bridgehead.portal;

/** A portal user's new e-mail, confirmed with their password. */
record ChangeEmailForm(String currentPassword, String email) {}
