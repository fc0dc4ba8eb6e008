package io.bridgehead.clients;

import java.util.List;
import java.util.UUID;

public record ClientContactView(
        UUID id,
        String fullName,
        String email,
        String phone,
        String title,
        String department,
        List<String> designations) {}
