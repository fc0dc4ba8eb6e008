package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.clients.Clients;
import io.bridgehead.projects.ProjectOption;
import io.bridgehead.projects.Projects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The client and project filters of the workspace-wide findings list. Each is a text field with suggestions instead of
 * a menu of every client and project (rendering those on every request was most of the page's time): a picked
 * suggestion sends its id, a typed name is matched here (which is also how the form works without JavaScript), and a
 * link or bookmark may send an id alone.
 */
@Component
class FindingFilterChoices {

    /** Most suggestions a field shows, and most alternatives a name matching several is answered with. */
    static final int MAX_OPTIONS = 20;

    private final Clients clients;
    private final Projects projects;
    private final Permissions permissions;

    FindingFilterChoices(Clients clients, Projects projects, Permissions permissions) {
        this.clients = clients;
        this.projects = projects;
        this.permissions = permissions;
    }

    boolean clientsVisible() {
        return permissions.can(Permission.SEE_CLIENTS);
    }

    List<FilterOption> clientOptions(String typed) {
        if (!clientsVisible()) {
            return List.of();
        }
        return clients.matching(typed, MAX_OPTIONS).stream()
                .map(c -> new FilterOption(c.id(), c.name(), null))
                .toList();
    }

    /** Projects with their client's name (or "No client") as the detail, since project names repeat across clients. */
    List<FilterOption> projectOptions(String typed) {
        List<ProjectOption> found = projects.matching(typed, MAX_OPTIONS);
        Map<UUID, String> clientNames = clientsVisible()
                ? clients.namesOf(found.stream().map(ProjectOption::clientId).collect(Collectors.toSet()))
                : Map.of();
        return found.stream()
                .map(p -> new FilterOption(
                        p.id(), p.name(), p.clientId() == null ? "No client" : clientNames.get(p.clientId())))
                .toList();
    }

    /** @param typed the text field as sent (null when the request had none); @param id the id sent with it */
    FilterChoice client(String typed, UUID id) {
        if (!clientsVisible()) {
            return FilterChoice.of("client", id, null);
        }
        return choose("client", typed, id, nameOfClient(id), () -> clientOptions(typed));
    }

    /** @param typed the text field as sent (null when the request had none); @param id the id sent with it */
    FilterChoice project(String typed, UUID id) {
        String nameOfId = id == null ? null : projects.get(id).name();
        return choose("project", typed, id, nameOfId, () -> projectOptions(typed));
    }

    private String nameOfClient(UUID id) {
        return id == null ? null : clients.namesOf(Set.of(id)).get(id);
    }

    /**
     * An id without text (a link) stands; cleared text means all; text naming the id's own entry keeps it; otherwise the
     * text picks the one entry of that exact name, or the only entry containing it.
     */
    private static FilterChoice choose(
            String kind, String typed, UUID id, String nameOfId, Supplier<List<FilterOption>> matching) {
        if (typed == null) {
            return FilterChoice.of(kind, id, nameOfId);
        }
        String text = typed.strip();
        if (text.isEmpty()) {
            return FilterChoice.of(kind, null, null);
        }
        if (id != null && text.equalsIgnoreCase(nameOfId)) {
            return FilterChoice.of(kind, id, nameOfId);
        }
        List<FilterOption> found = matching.get();
        List<FilterOption> exact = found.stream()
                .filter(o -> o.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)))
                .toList();
        List<FilterOption> candidates = exact.isEmpty() ? found : exact;
        if (candidates.size() == 1) {
            return FilterChoice.of(
                    kind, candidates.get(0).id(), candidates.get(0).name());
        }
        return new FilterChoice(kind, null, null, text, found);
    }
}
