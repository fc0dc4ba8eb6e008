package io.bridgehead.projects;

import java.util.UUID;

public record ProjectAssetView(UUID id, AssetKind kind, String value) {}
