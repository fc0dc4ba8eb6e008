package io.bridgehead.findings;

import java.util.List;
import java.util.UUID;

/**
 * What a client or project filter field of the findings list stands for. Resolved: the id to filter by (null for all)
 * and the name to show in the field. Unresolved: the typed text named no single client or project, and
 * {@code alternatives} are the ones it matches (none, or several).
 *
 * @param kind "client" or "project", as the page names it
 */
public record FilterChoice(String kind, UUID id, String name, String typed, List<FilterOption> alternatives) {

    static FilterChoice of(String kind, UUID id, String name) {
        return new FilterChoice(kind, id, name, null, List.of());
    }

    public boolean resolved() {
        return typed == null;
    }
}
