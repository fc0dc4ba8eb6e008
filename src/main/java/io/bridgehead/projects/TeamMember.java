package io.bridgehead.projects;

import java.util.UUID;

public record TeamMember(UUID userId, String fullName, String email, ProjectRole role) {}
