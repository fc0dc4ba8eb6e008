package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.TeamMember;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentionsTest {

    static final TeamMember ANA = new TeamMember(UUID.randomUUID(), "Ana Lyst", "ana.lyst@firm.test", role());
    static final List<TeamMember> TEAM = List.of(ANA);

    @Test
    void aMentionByLocalPartOrAddressNamesTheTeamMember() {
        assertThat(Mentions.in("Thanks @ana.lyst.", TEAM)).containsExactly(ANA);
        assertThat(Mentions.in("cc @ana.lyst@firm.test, please", TEAM)).containsExactly(ANA);
        assertThat(Mentions.in("mail ana.lyst@firm.test", TEAM)).isEmpty();
    }

    @Test
    void aLongDottedRunInACommentDoesNotOverflowTheStack() {
        // Comments may hold 20,000 characters; before the labels were possessive ~3,000 labels overflowed the stack.
        String text = "@ana.lyst@firm" + ".x".repeat((FindingComments.MAX_LENGTH - 20) / 2);

        assertThat(Mentions.in(text, TEAM)).isEmpty();
        assertThat(Mentions.in(text + " and @ana.lyst", TEAM)).containsExactly(ANA);
    }

    private static ProjectRole role() {
        return ProjectRole.values()[0];
    }
}
