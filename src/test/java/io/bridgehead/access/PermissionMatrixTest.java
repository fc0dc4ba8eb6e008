package io.bridgehead.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PermissionMatrixTest {

    static final Path DOCUMENT = Path.of("docs/permissions.md");

    @Test
    void documentMatchesTheMatrixInCode() throws IOException {
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(DOCUMENT, PermissionMatrix.markdown());
        }
        assertThat(Files.readString(DOCUMENT))
                .as("docs/permissions.md is out of date; regenerate it with -Dregenerate=true")
                .isEqualTo(PermissionMatrix.markdown());
    }

    @Test
    void onlyAdminsAdministerTheWorkspace() {
        assertThat(Permission.ADMINISTER_WORKSPACE.grantFor(PlatformRole.ADMIN).granted())
                .isTrue();
        assertThat(Permission.ADMINISTER_WORKSPACE
                        .grantFor(PlatformRole.ANALYST)
                        .granted())
                .isFalse();
        assertThat(Permission.ADMINISTER_WORKSPACE
                        .grantFor(PlatformRole.REVIEWER)
                        .granted())
                .isFalse();
        assertThat(Permission.ADMINISTER_WORKSPACE.grantFor(PlatformRole.VIEWER).granted())
                .isFalse();
    }

    @Test
    void viewersNeverEditOrComment() {
        for (Permission permission : new Permission[] {
            Permission.CREATE_PROJECT,
            Permission.EDIT_PROJECT_CONTENT,
            Permission.COMMENT_ON_FINDINGS,
            Permission.EDIT_CLIENTS,
            Permission.DELETE_CLIENTS
        }) {
            assertThat(permission.grantFor(PlatformRole.VIEWER).granted())
                    .as(permission.name())
                    .isFalse();
        }
    }

    @Test
    void onlyAdminsDeleteClientsAndManageTemplates() {
        for (PlatformRole role : PlatformRole.values()) {
            boolean admin = role == PlatformRole.ADMIN;
            assertThat(Permission.DELETE_CLIENTS.grantFor(role).granted()).isEqualTo(admin);
            assertThat(Permission.MANAGE_REPORT_TEMPLATES.grantFor(role).granted())
                    .isEqualTo(admin);
        }
    }
}
