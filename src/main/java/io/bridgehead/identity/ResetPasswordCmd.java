package io.bridgehead.identity;

public record ResetPasswordCmd(String newPassword, String confirmPassword) {}
