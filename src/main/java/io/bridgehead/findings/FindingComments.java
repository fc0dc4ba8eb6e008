package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientActivity;
import io.bridgehead.notifications.MailOutbox;
import io.bridgehead.notifications.Notifications;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.Projects;
import io.bridgehead.projects.TeamMember;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.security.Actor;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.security.NamedActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.Markdown;
import io.bridgehead.shared.web.PublicUrl;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a finding: Markdown, internal (firm only, the default) or shared with the client, written by anyone who
 * may comment on findings and see the project. Their author may edit or delete them for 15 minutes; edits are marked.
 * Team members mentioned with {@code @handle} get a notification and an e-mail.
 */
@Service
public class FindingComments {

    static final Duration CHANGE_WINDOW = Duration.ofMinutes(15);
    static final int MAX_LENGTH = 20_000;
    static final String MENTION = "MENTION";
    private static final int MAX_SUGGESTIONS = 8;

    private final Findings findings;
    private final Projects projects;
    private final ClientActivity clients;
    private final Permissions permissions;
    private final Notifications notifications;
    private final MailOutbox outbox;
    private final PublicUrl publicUrl;
    private final Markdown markdown;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingComments(
            Findings findings,
            Projects projects,
            ClientActivity clients,
            Permissions permissions,
            Notifications notifications,
            MailOutbox outbox,
            PublicUrl publicUrl,
            Markdown markdown,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.findings = findings;
        this.projects = projects;
        this.clients = clients;
        this.permissions = permissions;
        this.notifications = notifications;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
        this.markdown = markdown;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private record Comment(
            UUID id,
            UUID authorId,
            String authorName,
            FindingTransition.Side authorSide,
            String body,
            CommentVisibility visibility,
            Instant createdAt,
            Instant editedAt) {}

    private static final RowMapper<Comment> ROW = (rs, i) -> new Comment(
            rs.getObject("id", UUID.class),
            rs.getObject("author_id", UUID.class),
            rs.getString("author_name"),
            FindingTransition.Side.valueOf(rs.getString("author_side")),
            rs.getString("body"),
            CommentVisibility.valueOf(rs.getString("visibility")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("edited_at") == null
                    ? null
                    : rs.getTimestamp("edited_at").toInstant());

    private static final String COLUMNS =
            "id, author_id, author_name, author_side, body, visibility, created_at, edited_at";

    /** The finding's comments, oldest first; as visible as the project. */
    @Transactional(readOnly = true)
    public List<FindingCommentView> list(UUID projectId, UUID findingId) {
        ProjectView project = projects.get(projectId);
        FindingView finding = findings.get(projectId, findingId);
        boolean open = !project.archived() && permissions.can(Permission.COMMENT_ON_FINDINGS);
        return jdbc
                .query(
                        "select " + COLUMNS + " from finding_comment where tenant_id = ? and finding_id = ?"
                                + " order by created_at, id",
                        ROW,
                        TenantContext.require(),
                        finding.id())
                .stream()
                .map(c -> view(c, open && isAuthor(c) && withinWindow(c)))
                .toList();
    }

    /** Whether the current user may comment on this project's findings now (for showing the form). */
    @Transactional(readOnly = true)
    public boolean canComment(UUID projectId) {
        return permissions.can(Permission.COMMENT_ON_FINDINGS)
                && !projects.get(projectId).archived();
    }

    /** One of the current user's comments, for its edit form. */
    @Transactional(readOnly = true)
    public FindingCommentView forEdit(UUID projectId, UUID findingId, UUID commentId) {
        permissions.require(Permission.COMMENT_ON_FINDINGS);
        ProjectView project = projects.get(projectId);
        requireOpen(project);
        return view(changeable(findings.get(projectId, findingId), commentId), true);
    }

    @Transactional
    public UUID add(UUID projectId, UUID findingId, String body, CommentVisibility visibility) {
        permissions.require(Permission.COMMENT_ON_FINDINGS);
        ProjectView project = writable(projectId);
        FindingView finding = findings.get(projectId, findingId);
        String text = validated(body);
        Actor actor = actor();
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into finding_comment (tenant_id, id, finding_id, author_id, author_name, body, visibility,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                TenantContext.require(),
                id,
                finding.id(),
                actor.userId(),
                authorName(actor),
                text,
                visibilityOf(visibility).name(),
                Timestamp.from(now()));
        notifyMentioned(
                project,
                finding,
                id,
                text,
                visibilityOf(visibility),
                authorName(actor),
                projects.team(projectId),
                Set.of());
        audit(
                AuditAction.FINDING_COMMENT_ADDED,
                project,
                finding,
                visibilityOf(visibility).label());
        return id;
    }

    @Transactional
    public void edit(UUID projectId, UUID findingId, UUID commentId, String body) {
        permissions.require(Permission.COMMENT_ON_FINDINGS);
        ProjectView project = writable(projectId);
        FindingView finding = findings.get(projectId, findingId);
        Comment comment = changeable(finding, commentId);
        String text = validated(body);
        jdbc.update(
                "update finding_comment set body = ?, edited_at = ? where tenant_id = ? and id = ?",
                text,
                Timestamp.from(now()),
                TenantContext.require(),
                comment.id());
        List<TeamMember> team = projects.team(projectId);
        notifyMentioned(
                project,
                finding,
                comment.id(),
                text,
                comment.visibility(),
                authorName(actor()),
                team,
                Mentions.in(comment.body(), team));
        audit(AuditAction.FINDING_COMMENT_EDITED, project, finding, null);
    }

    @Transactional
    public void delete(UUID projectId, UUID findingId, UUID commentId) {
        permissions.require(Permission.COMMENT_ON_FINDINGS);
        ProjectView project = writable(projectId);
        FindingView finding = findings.get(projectId, findingId);
        Comment comment = changeable(finding, commentId);
        jdbc.update(
                "delete from finding_comment where tenant_id = ? and id = ?", TenantContext.require(), comment.id());
        audit(AuditAction.FINDING_COMMENT_DELETED, project, finding, null);
    }

    /**
     * A shared comment by a client's person, for {@link ClientFacingFindings} once it has checked the portal user's
     * role and scope: mentions reach the given team (the project's) as a colleague's would.
     */
    UUID addForClient(ProjectView project, FindingView finding, String body, String clientName, List<TeamMember> team) {
        String text = validated(body);
        clients.requireWritable(project.clientId());
        Actor actor = actor();
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into finding_comment (tenant_id, id, finding_id, author_id, author_name, author_side, body,"
                        + " visibility, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                TenantContext.require(),
                id,
                finding.id(),
                actor.userId(),
                authorName(actor),
                FindingTransition.Side.CLIENT.name(),
                text,
                CommentVisibility.SHARED.name(),
                Timestamp.from(now()));
        String author = authorName(actor) + " (" + clientName + ")";
        notifyMentioned(project, finding, id, text, CommentVisibility.SHARED, author, team, Set.of());
        audit(AuditAction.FINDING_COMMENT_ADDED, project, finding, "Shared with client, written in the client portal");
        return id;
    }

    /** The comments shared with the client, oldest first, for a caller that has checked the finding's scope. */
    List<FindingCommentView> sharedOf(UUID findingId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from finding_comment where tenant_id = ? and finding_id = ?"
                                + " and visibility = 'SHARED' order by created_at, id",
                        ROW,
                        TenantContext.require(),
                        findingId)
                .stream()
                .map(c -> view(c, false))
                .toList();
    }

    /** Team members whose name or address contains the query, for completing an {@code @mention}. */
    @Transactional(readOnly = true)
    public List<MentionSuggestion> suggest(UUID projectId, String query) {
        return suggestions(projects.team(projectId), query);
    }

    static List<MentionSuggestion> suggestions(List<TeamMember> team, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return team.stream()
                .filter(m -> m.fullName().toLowerCase(Locale.ROOT).contains(q)
                        || m.email().toLowerCase(Locale.ROOT).contains(q))
                .limit(MAX_SUGGESTIONS)
                .map(m -> new MentionSuggestion(Mentions.handleOf(m, team), m.fullName(), m.email()))
                .toList();
    }

    /** For a client's person: matched on name and handle only, and without the firm's e-mail addresses. */
    static List<MentionSuggestion> clientSuggestions(List<TeamMember> team, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return team.stream()
                .map(m -> new MentionSuggestion(Mentions.handleOf(m, team), m.fullName(), ""))
                .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(q)
                        || s.handle().toLowerCase(Locale.ROOT).contains(q))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    private void notifyMentioned(
            ProjectView project,
            FindingView finding,
            UUID commentId,
            String text,
            CommentVisibility visibility,
            String author,
            List<TeamMember> team,
            Set<TeamMember> notifiedBefore) {
        Actor actor = actor();
        String link = "/projects/" + project.id() + "/findings/" + finding.id() + "#comment-" + commentId;
        String title = Text.abbreviate(author + " mentioned you on " + finding.code() + " " + finding.title(), 200);
        for (TeamMember member : Mentions.in(text, team)) {
            if (member.userId().equals(actor.userId()) || notifiedBefore.contains(member)) {
                continue;
            }
            notifications.notify(member.userId(), MENTION, title, link);
            outbox.queue(
                    member.email(),
                    title,
                    author + " mentioned you in a comment on " + finding.code() + " " + finding.title()
                            + " (project " + project.name() + ").\n\n"
                            + quoteIfShared(text, visibility)
                            + "Open the finding:\n" + publicUrl.of(link) + "\n");
        }
    }

    /** An internal comment stays in Bridgehead: its text does not travel by e-mail, only the link to it. */
    private static String quoteIfShared(String text, CommentVisibility visibility) {
        return visibility == CommentVisibility.SHARED
                ? Text.abbreviate(text, 2000) + "\n\n"
                : "The comment is internal: sign in to read it.\n\n";
    }

    private ProjectView writable(UUID projectId) {
        ProjectView project = projects.get(projectId);
        requireOpen(project);
        if (project.clientId() != null) {
            clients.requireWritable(project.clientId());
        }
        return project;
    }

    private static void requireOpen(ProjectView project) {
        if (project.archived()) {
            throw new ConflictException("The project " + project.name()
                    + " is archived, so its findings take no comments. Restore it first.");
        }
    }

    /** The comment, if the current user wrote it and may still change it: 403 for others, 409 once it is too old. */
    private Comment changeable(FindingView finding, UUID commentId) {
        Comment comment = jdbc
                .query(
                        "select " + COLUMNS + " from finding_comment where tenant_id = ? and finding_id = ? and id = ?",
                        ROW,
                        TenantContext.require(),
                        finding.id(),
                        commentId)
                .stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Comment", commentId));
        if (!isAuthor(comment)) {
            throw permissions.denied("Comment " + commentId, "Only its author may change a comment");
        }
        if (!withinWindow(comment)) {
            throw new ConflictException("A comment can be edited or deleted only in the first "
                    + CHANGE_WINDOW.toMinutes() + " minutes after it was posted; this one is older.");
        }
        return comment;
    }

    private FindingCommentView view(Comment c, boolean mayChange) {
        return new FindingCommentView(
                c.id(),
                c.authorName(),
                c.authorSide(),
                c.body(),
                markdown.toHtml(c.body()),
                c.visibility(),
                c.createdAt(),
                c.editedAt(),
                mayChange);
    }

    private static String validated(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw RuleViolation.of("body", "Write the comment first.");
        }
        if (text.length() > MAX_LENGTH) {
            throw RuleViolation.of("body", "Use at most 20,000 characters.");
        }
        return text;
    }

    private static CommentVisibility visibilityOf(CommentVisibility visibility) {
        return visibility == null ? CommentVisibility.INTERNAL : visibility;
    }

    private static boolean isAuthor(Comment comment) {
        return comment.authorSide() == FindingTransition.Side.FIRM
                && CurrentActor.get()
                        .map(a -> a.userId().equals(comment.authorId()))
                        .orElse(false);
    }

    private boolean withinWindow(Comment comment) {
        return now().isBefore(comment.createdAt().plus(CHANGE_WINDOW));
    }

    private void audit(AuditAction action, ProjectView project, FindingView finding, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(
                        action, project.name() + " " + finding.code() + " " + finding.title(), details)
                .about(project.clientId(), project.id(), "/projects/" + project.id() + "/findings/" + finding.id()));
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow();
    }

    private static String authorName(Actor actor) {
        return actor instanceof NamedActor named ? named.fullName() : actor.email();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
