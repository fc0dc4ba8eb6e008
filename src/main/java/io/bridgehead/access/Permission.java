package io.bridgehead.access;

import static io.bridgehead.access.Grant.ALL;
import static io.bridgehead.access.Grant.ASSIGNED;
import static io.bridgehead.access.Grant.CLIENTS_OF_ASSIGNED;
import static io.bridgehead.access.Grant.NONE;
import static io.bridgehead.access.Grant.OWNER_OF_NEW;
import static io.bridgehead.access.Grant.PROJECT_OWNER;
import static io.bridgehead.access.Grant.PROJECT_OWNER_OR_EDITOR;

import java.util.EnumMap;
import java.util.Map;

/**
 * The permission matrix (DESIGN §5), once: what each platform role may do. docs/permissions.md is generated from this
 * enum and a test keeps the two equal.
 */
public enum Permission {
    SEE_PROJECTS("see projects", ALL, ALL, ALL, ASSIGNED),
    CREATE_PROJECT("create project", ALL, OWNER_OF_NEW, NONE, NONE),
    EDIT_PROJECT_CONTENT(
            "edit project / findings / import / generate reports", ALL, PROJECT_OWNER_OR_EDITOR, NONE, NONE),
    DELETE_OR_ARCHIVE_PROJECT("delete or archive project", ALL, PROJECT_OWNER, NONE, NONE),
    COMMENT_ON_FINDINGS("comment on findings", ALL, ALL, ALL, NONE),
    DOWNLOAD_REPORTS("download reports", ALL, ALL, ALL, ASSIGNED),
    SEE_CLIENTS("see clients", ALL, ALL, ALL, CLIENTS_OF_ASSIGNED),
    EDIT_CLIENTS("create / edit / archive clients", ALL, ALL, NONE, NONE),
    DELETE_CLIENTS("delete clients", ALL, NONE, NONE, NONE),
    MANAGE_PORTAL_USERS("manage portal users", ALL, ALL, NONE, NONE),
    MANAGE_REPORT_TEMPLATES("manage report templates", ALL, NONE, NONE, NONE),
    ADMINISTER_WORKSPACE("users, workspace settings, audit log, integrations, API keys", ALL, NONE, NONE, NONE);

    private final String description;
    private final Map<PlatformRole, Grant> grants = new EnumMap<>(PlatformRole.class);

    Permission(String description, Grant admin, Grant analyst, Grant reviewer, Grant viewer) {
        this.description = description;
        grants.put(PlatformRole.ADMIN, admin);
        grants.put(PlatformRole.ANALYST, analyst);
        grants.put(PlatformRole.REVIEWER, reviewer);
        grants.put(PlatformRole.VIEWER, viewer);
    }

    public String description() {
        return description;
    }

    public Grant grantFor(PlatformRole role) {
        return grants.get(role);
    }
}
