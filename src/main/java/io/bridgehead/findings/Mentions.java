package io.bridgehead.findings;

import io.bridgehead.projects.TeamMember;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @mentions} in a comment: {@code @} followed by a team member's e-mail address or its local part
 * ({@code @ana.lyst@firm.test} or {@code @ana.lyst}). Only the project's team can be mentioned; a local part shared by
 * two team members names neither, so the full address is needed then.
 */
final class Mentions {

    // The domain's labels are possessive: a label cannot contain the dot that ends it, so nothing is lost, and a
    // long dotted run in a comment no longer recurses once per label until the stack overflows.
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\w@.+-])@([A-Za-z0-9._%+-]+(?:@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]++)++)?)");

    private Mentions() {}

    /** The team members mentioned in the text, in order of first mention. */
    static Set<TeamMember> in(String text, List<TeamMember> team) {
        Set<TeamMember> mentioned = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text == null ? "" : text);
        while (matcher.find()) {
            String handle = matcher.group(1).replaceAll("\\.+$", "").toLowerCase(Locale.ROOT);
            List<TeamMember> matches = team.stream()
                    .filter(m -> handle.contains("@")
                            ? m.email().equalsIgnoreCase(handle)
                            : localPart(m.email()).equals(handle))
                    .toList();
            if (matches.size() == 1) {
                mentioned.add(matches.get(0));
            }
        }
        return mentioned;
    }

    /** What to type after {@code @} to mention this member: the local part, or the address when it is ambiguous. */
    static String handleOf(TeamMember member, List<TeamMember> team) {
        String local = localPart(member.email());
        long sharing =
                team.stream().filter(m -> localPart(m.email()).equals(local)).count();
        return sharing == 1 ? local : member.email().toLowerCase(Locale.ROOT);
    }

    private static String localPart(String email) {
        int at = email.lastIndexOf('@');
        return (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
