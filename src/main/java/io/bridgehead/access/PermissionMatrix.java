package io.bridgehead.access;

/** Renders the permission matrix as the Markdown of docs/permissions.md, so the document cannot drift from the code. */
public final class PermissionMatrix {

    private PermissionMatrix() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder()
                .append("# Permissions\n\n")
                .append("Generated from `io.bridgehead.access.Permission`; `PermissionMatrixTest` fails when this file")
                .append(
                        " and the code disagree (regenerate with `mvn test -Dtest=PermissionMatrixTest -Dregenerate=true`).\n\n")
                .append("Platform roles are a ceiling; project roles grant work inside it. Every service checks the")
                .append(" permission first (`Permissions.require`), pages hide what the role may not do, and every")
                .append(" refusal is written to the audit log.\n\n")
                .append("| action |");
        for (PlatformRole role : PlatformRole.values()) {
            md.append(' ').append(role.label()).append(" |");
        }
        md.append("\n|---|");
        for (int i = 0; i < PlatformRole.values().length; i++) {
            md.append("---|");
        }
        md.append('\n');
        for (Permission permission : Permission.values()) {
            md.append("| ").append(permission.description()).append(" |");
            for (PlatformRole role : PlatformRole.values()) {
                md.append(' ').append(permission.grantFor(role).description()).append(" |");
            }
            md.append('\n');
        }
        return md.append(
                        "\nProject roles (arrive with projects): **Owner** (may delete the project, manages the team),")
                .append(" **Editor** (edits project content, findings, reports), **Reviewer** (views and comments).")
                .append(" A platform Reviewer or Viewer never gains edit rights from a project role.\n\n")
                .append("URL rules add a coarse outer fence: `/admin/**` answers 403 to anyone but an Admin.\n")
                .append(portalMarkdown())
                .toString();
    }

    private static String portalMarkdown() {
        StringBuilder md = new StringBuilder("\n## Portal roles\n\n")
                .append("A client's own people sign in to the portal; they see only their client's visible projects.")
                .append(" Services check `PortalPermissions.require` first.\n\n| action |");
        for (PortalRole role : PortalRole.values()) {
            md.append(' ').append(role.label()).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(PortalRole.values().length)).append('\n');
        for (PortalAction action : PortalAction.values()) {
            md.append("| ").append(action.description()).append(" |");
            for (PortalRole role : PortalRole.values()) {
                md.append(role.allows(action) ? " yes |" : " – |");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
