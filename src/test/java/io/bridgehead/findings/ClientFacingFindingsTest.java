package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.findings.FindingTransition.Side;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.ActingAsPortalUser;
import io.bridgehead.support.ActingAsPortalUser.TestPortalUser;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.awt.Color;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The portal's side of findings: what each portal role may read and do, and the firm's side of the loop. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientFacingFindingsTest {

    static final String MARKER = "ZEBRA-INTERNAL-7731";

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    @Autowired
    PortalFixtures testPortal;

    @Autowired
    ClientFacingFindings portal;

    @Autowired
    Findings findings;

    @Autowired
    FindingComments comments;

    @Autowired
    FindingEvidence evidence;

    @Autowired
    RecordedFindingEvents recorded;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Outbox outbox;

    TestWorkspace workspace;
    TestUser owner;
    TestUser editor;
    TestUser reviewer;
    TestUser outsider;
    UUID client;
    UUID project;
    TestPortalUser viewer;
    TestPortalUser collaborator;
    TestPortalUser manager;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal findings");
        owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        reviewer = testWorkspaces.addUser(workspace, PlatformRole.REVIEWER);
        outsider = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        client = testClients.create(workspace, "Acme Portal");
        testPortal.open(workspace, client);
        project = testClients.project(workspace, owner, "Acme web test", client, ProjectStatus.REMEDIATION);
        testFindings.assign(workspace, project, editor, ProjectRole.EDITOR);
        testFindings.assign(workspace, project, reviewer, ProjectRole.REVIEWER);
        viewer = ActingAsPortalUser.of(workspace, client, PortalRole.VIEWER);
        collaborator = ActingAsPortalUser.of(workspace, client, PortalRole.COLLABORATOR);
        manager = ActingAsPortalUser.of(workspace, client, PortalRole.MANAGER);
    }

    @Test
    void aViewerReadsButMayNotCommentOrReportAndTheRefusalsAreAudited() {
        UUID finding = testPortal.finding(workspace, project, "Viewer reads", Severity.HIGH, MARKER);

        ClientFindingDetail detail = as(viewer, () -> portal.get(finding));
        assertThat(detail.title()).isEqualTo("Viewer reads");
        assertThat(detail.descriptionHtml()).contains("<strong>description</strong>");
        assertThat(detail.moves()).isEmpty();
        assertThat(as(viewer, () -> portal.list(project, ClientFindingFilter.NONE, 0))
                        .getContent())
                .extracting(ClientFindingRow::id)
                .contains(finding);
        assertThat(as(viewer, () -> portal.history(finding))).hasSize(1);

        assertThatThrownBy(() -> as(viewer, () -> portal.comment(finding, "Hello")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> {
                    portal.markRemediated(finding, "Patched");
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> {
                    portal.requestRetest(finding, "Please");
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(testFindings.status(workspace, finding)).isEqualTo(FindingStatus.OPEN);
        assertThat(portalCommentsOf(finding)).isZero();
        List<AuditEntryView> refusals = auditTrail.entriesBy(workspace, viewer.email());
        assertThat(refusals)
                .filteredOn(e -> e.action() == AuditAction.PERMISSION_DENIED)
                .extracting(AuditEntryView::target)
                .contains("COMMENT", "MARK_REMEDIATED", "REQUEST_RETEST");
    }

    @Test
    void aCollaboratorCommentsMentioningTheTeamButMayNotReportAFix() {
        UUID finding = testPortal.finding(workspace, project, "Collaborator comments", Severity.MEDIUM, MARKER);

        UUID comment = as(
                collaborator,
                () -> portal.comment(
                        finding, "We deployed a WAF rule. @" + localPart(owner) + " and @" + localPart(outsider)));

        List<FindingCommentView> shared = as(viewer, () -> portal.sharedComments(finding));
        assertThat(shared).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(comment);
            assertThat(c.fromClient()).isTrue();
            assertThat(c.authorSide()).isEqualTo(Side.CLIENT);
            assertThat(c.authorName()).isEqualTo("Client Collaborator");
            assertThat(c.visibility()).isEqualTo(CommentVisibility.SHARED);
            assertThat(c.mayChange()).isFalse();
        });
        // The firm sees it too, marked as the client's.
        assertThat(ActingAs.call(workspace, owner, () -> comments.list(project, finding)))
                .singleElement()
                .satisfies(c -> assertThat(c.fromClient()).isTrue());

        assertThat(notifications(owner, FindingComments.MENTION, finding)).isEqualTo(1);
        assertThat(notifications(outsider, FindingComments.MENTION, finding)).isZero();
        outbox.flush();
        assertThat(TestMail.to(owner.email()))
                .anySatisfy(m -> assertThat(TestMail.body(m))
                        .contains("Client Collaborator (Acme Portal) mentioned you")
                        .contains("We deployed a WAF rule.")
                        .contains("/projects/" + project + "/findings/" + finding + "#comment-" + comment));
        assertThat(TestMail.to(outsider.email())).isEmpty();
        assertThat(auditTrail.actionsBy(workspace, collaborator.email())).contains(AuditAction.FINDING_COMMENT_ADDED);

        assertThatThrownBy(() -> as(collaborator, () -> {
                    portal.markRemediated(finding, "Fixed it");
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(collaborator, () -> portal.get(finding)).moves()).isEmpty();
    }

    @Test
    void anEmptyOrOverlongCommentIsRefusedNamingTheField() {
        UUID finding = testPortal.finding(workspace, project, "Comment rules", Severity.LOW, MARKER);

        assertThatThrownBy(() -> as(collaborator, () -> portal.comment(finding, "   ")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("body"));
        assertThatThrownBy(() -> as(collaborator, () -> portal.comment(finding, "x".repeat(20_001))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("body"));
        assertThat(portalCommentsOf(finding)).isZero();
    }

    @Test
    void aManagerMarksRemediatedWithNotesAndTheOwnerAndEditorsAreTold() {
        UUID finding = testPortal.finding(workspace, project, "Manager reports", Severity.CRITICAL, MARKER);
        assertThat(as(manager, () -> portal.get(finding)).moves())
                .containsExactly(FindingTransition.MARK_REMEDIATED, FindingTransition.REQUEST_RETEST);

        assertThatThrownBy(() -> as(manager, () -> {
                    portal.markRemediated(finding, "  ");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("notes"));
        assertThat(testFindings.status(workspace, finding)).isEqualTo(FindingStatus.OPEN);

        ActingAsPortalUser.run(manager, () -> portal.markRemediated(finding, "Parameterised the query in v2.4."));

        ClientFindingDetail detail = as(manager, () -> portal.get(finding));
        assertThat(detail.status()).isEqualTo(FindingStatus.PENDING_VERIFICATION);
        assertThat(detail.clientReportedFixedAt()).isNotNull();
        assertThat(detail.verifiedAt()).isNull();
        assertThat(detail.moves()).isEmpty();
        FindingHistoryEntry last = last(as(manager, () -> portal.history(finding)));
        assertThat(last.side()).isEqualTo(Side.CLIENT);
        assertThat(last.byClient()).isTrue();
        assertThat(last.actorName()).isEqualTo("Client Manager");
        assertThat(last.from()).isEqualTo(FindingStatus.OPEN);
        assertThat(last.to()).isEqualTo(FindingStatus.PENDING_VERIFICATION);
        assertThat(last.note()).isEqualTo("Parameterised the query in v2.4.");
        // The firm's page shows the same entry.
        assertThat(last(ActingAs.call(workspace, owner, () -> findings.history(project, finding))))
                .isEqualTo(last);

        assertThat(notifications(owner, RemediationNotices.KIND, finding)).isEqualTo(1);
        assertThat(notifications(editor, RemediationNotices.KIND, finding)).isEqualTo(1);
        assertThat(notifications(reviewer, RemediationNotices.KIND, finding)).isZero();
        assertThat(notifications(outsider, RemediationNotices.KIND, finding)).isZero();
        outbox.flush();
        for (TestUser told : List.of(owner, editor)) {
            assertThat(TestMail.to(told.email()))
                    .anySatisfy(m -> assertThat(TestMail.body(m))
                            .contains("Client Manager (Acme Portal) marked F-")
                            .contains("Manager reports")
                            .contains("Parameterised the query in v2.4.")
                            .contains("/projects/" + project + "/findings/" + finding));
        }
        assertThat(TestMail.to(reviewer.email())).isEmpty();
        assertThat(recorded.reportsOf(finding)).singleElement().satisfies(e -> {
            assertThat(e.transition()).isEqualTo(FindingTransition.MARK_REMEDIATED);
            assertThat(e.clientId()).isEqualTo(client);
            assertThat(e.actorName()).isEqualTo("Client Manager");
        });
        assertThat(auditTrail.entriesBy(workspace, manager.email()))
                .extracting(AuditEntryView::action)
                .contains(AuditAction.FINDING_STATUS_CHANGED);

        // Reporting it again is not a move the workflow has.
        assertThatThrownBy(() -> as(manager, () -> {
                    portal.markRemediated(finding, "Again");
                    return null;
                }))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Pending verification");
        assertThat(testFindings.historyRows(workspace, finding)).isEqualTo(2);
    }

    @Test
    void aManagerRequestsARetestWithAMessage() {
        UUID finding = testPortal.finding(workspace, project, "Retest me", Severity.HIGH, MARKER);

        assertThatThrownBy(() -> as(manager, () -> {
                    portal.requestRetest(finding, "");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("message"));

        ActingAsPortalUser.run(manager, () -> portal.requestRetest(finding, "New build deployed to staging."));

        assertThat(testFindings.status(workspace, finding)).isEqualTo(FindingStatus.RETEST_REQUESTED);
        assertThat(last(as(viewer, () -> portal.history(finding))).note()).isEqualTo("New build deployed to staging.");
        assertThat(recorded.reportsOf(finding))
                .singleElement()
                .satisfies(e -> assertThat(e.transition()).isEqualTo(FindingTransition.REQUEST_RETEST));
        assertThatThrownBy(() -> as(manager, () -> {
                    portal.markRemediated(finding, "Also fixed");
                    return null;
                }))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aMoveOnAStalePageIsRefusedInsteadOfAppliedToAnotherStatus() {
        UUID finding = testPortal.finding(workspace, project, "Stale page", Severity.LOW, MARKER);

        assertThatThrownBy(() -> as(manager, () -> {
                    portal.markRemediated(finding, "Fixed", FindingStatus.PARTIALLY_FIXED);
                    return null;
                }))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed meanwhile");
        assertThat(testFindings.status(workspace, finding)).isEqualTo(FindingStatus.OPEN);

        ActingAsPortalUser.run(manager, () -> portal.markRemediated(finding, "Fixed", FindingStatus.OPEN));
        assertThat(testFindings.status(workspace, finding)).isEqualTo(FindingStatus.PENDING_VERIFICATION);
    }

    @Test
    void theFirmVerifiesAndBothSidesSeeSeparateTimesAndTheEvent() {
        UUID fixed = testPortal.finding(workspace, project, "Will be fixed", Severity.HIGH, MARKER);
        UUID notFixed = testPortal.finding(workspace, project, "Will not be fixed", Severity.HIGH, MARKER);
        UUID partly = testPortal.finding(workspace, project, "Partly fixed", Severity.HIGH, MARKER);
        for (UUID f : List.of(fixed, notFixed, partly)) {
            ActingAsPortalUser.run(manager, () -> portal.markRemediated(f, "Done"));
        }

        testFindings.move(workspace, project, fixed, FindingStatus.VERIFIED_FIXED, "Retested, gone.");
        testFindings.move(workspace, project, notFixed, FindingStatus.OPEN, "Still injectable via the search box.");
        ActingAs.run(
                workspace,
                editor,
                () -> findings.moveAll(List.of(partly), FindingStatus.PARTIALLY_FIXED, "Login fixed, search not."));

        ClientFindingDetail verified = as(manager, () -> portal.get(fixed));
        assertThat(verified.status()).isEqualTo(FindingStatus.VERIFIED_FIXED);
        assertThat(verified.clientReportedFixedAt()).isNotNull();
        assertThat(verified.verifiedAt()).isAfter(verified.clientReportedFixedAt());
        ClientFindingDetail reopened = as(manager, () -> portal.get(notFixed));
        assertThat(reopened.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(reopened.verifiedAt()).isNotNull();
        assertThat(reopened.moves()).contains(FindingTransition.MARK_REMEDIATED);
        assertThat(last(as(viewer, () -> portal.history(notFixed)))).satisfies(h -> {
            assertThat(h.side()).isEqualTo(Side.FIRM);
            assertThat(h.actorName()).isEqualTo("Test Admin");
            assertThat(h.note()).isEqualTo("Still injectable via the search box.");
        });

        assertThat(recorded.verificationsOf(fixed)).singleElement().satisfies(e -> {
            assertThat(e.transition()).isEqualTo(FindingTransition.VERIFY_FIXED);
            assertThat(e.tenantId()).isEqualTo(workspace.id());
            assertThat(e.clientId()).isEqualTo(client);
            assertThat(e.projectId()).isEqualTo(project);
            assertThat(e.title()).isEqualTo("Will be fixed");
            assertThat(e.note()).isEqualTo("Retested, gone.");
        });
        assertThat(recorded.verificationsOf(notFixed))
                .singleElement()
                .satisfies(e -> assertThat(e.transition()).isEqualTo(FindingTransition.VERIFY_NOT_FIXED));
        assertThat(recorded.verificationsOf(partly)).singleElement().satisfies(e -> {
            assertThat(e.transition()).isEqualTo(FindingTransition.VERIFY_PARTIALLY_FIXED);
            assertThat(e.actorName()).isEqualTo("Test Analyst");
        });
        assertThat(testClients.value(
                        workspace, Timestamp.class, "select verified_at from finding where id = ?", partly))
                .isNotNull();
    }

    @Test
    void aProjectHiddenFromThePortalGetsNoVerificationEventForTheClient() {
        UUID hidden = testClients.project(workspace, owner, "Soon hidden", client, ProjectStatus.RETEST);
        UUID finding = testPortal.finding(workspace, hidden, "Hidden finding", Severity.LOW, MARKER);
        ActingAsPortalUser.run(manager, () -> portal.markRemediated(finding, "Fixed before it was hidden"));
        testPortal.hide(workspace, hidden);

        testFindings.move(workspace, hidden, finding, FindingStatus.VERIFIED_FIXED, null);

        assertThat(testFindings.status(workspace, finding)).isEqualTo(FindingStatus.VERIFIED_FIXED);
        assertThat(recorded.verificationsOf(finding)).isEmpty();
        assertThatThrownBy(() -> as(manager, () -> portal.get(finding))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void fieldsTheClientDoesNotShowAreAbsentNotJustHidden() {
        UUID quiet = testClients.create(workspace, "Quiet Client");
        testPortal.open(workspace, quiet, false);
        UUID quietProject = testClients.project(workspace, owner, "Quiet test", quiet, ProjectStatus.REPORTING);
        UUID finding = testPortal.finding(workspace, quietProject, "Quiet finding", Severity.HIGH, MARKER);
        UUID file = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> evidence.add(quietProject, finding, "shot.png", TestClients.png(32, 32, Color.RED)));
        TestPortalUser quietManager = ActingAsPortalUser.of(workspace, quiet, PortalRole.MANAGER);

        ClientFindingDetail detail = as(quietManager, () -> portal.get(finding));
        assertThat(detail.cvss31Vector()).isNull();
        assertThat(detail.cvss31Score()).isNull();
        assertThat(detail.cvss40Vector()).isNull();
        assertThat(detail.cvss40Score()).isNull();
        assertThat(detail.technicalDetails()).isNull();
        assertThat(detail.technicalDetailsHtml()).isNull();
        assertThat(detail.references()).isEmpty();
        assertThat(detail.evidence()).isEmpty();
        assertThat(detail.shown().cvss()).isFalse();
        assertThat(detail.toString()).doesNotContain("CVSS:3.1", "CVSS:4.0", "Technical", "owasp", "shot.png");
        assertThat(as(quietManager, () -> portal.list(quietProject, ClientFindingFilter.NONE, 0))
                        .getContent())
                .singleElement()
                .satisfies(row -> assertThat(row.cvssScore()).isNull());
        assertThatThrownBy(() -> as(quietManager, () -> portal.evidence(finding)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(quietManager, () -> portal.evidenceContent(finding, file)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shownFieldsArePresentAndEvidenceDownloadsAreAudited() {
        UUID finding = testPortal.finding(workspace, project, "Loud finding", Severity.CRITICAL, MARKER);
        UUID file = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> evidence.add(project, finding, "proof.png", TestClients.png(32, 32, Color.BLUE)));

        ClientFindingDetail detail = as(viewer, () -> portal.get(finding));
        assertThat(detail.cvss31Vector()).isEqualTo(PortalFixtures.CVSS31);
        assertThat(detail.cvss31Score()).isEqualByComparingTo("9.8");
        assertThat(detail.cvss40Score()).isEqualByComparingTo("9.3");
        assertThat(detail.technicalDetailsHtml()).contains("<em>details</em>");
        assertThat(detail.references()).containsExactly("https://owasp.org/Top10/", "CWE-89");
        assertThat(detail.evidence()).extracting(EvidenceView::fileName).containsExactly("proof.png");
        assertThat(as(viewer, () -> portal.list(project, new ClientFindingFilter(Severity.CRITICAL, null), 0))
                        .getContent())
                .filteredOn(row -> row.id().equals(finding))
                .singleElement()
                .satisfies(row -> assertThat(row.cvssScore()).isEqualByComparingTo("9.8"));

        EvidenceContent content = as(viewer, () -> portal.evidenceContent(finding, file));
        assertThat(content.fileName()).isEqualTo("proof.png");
        assertThat(content.bytes()).isNotEmpty();
        assertThat(auditTrail.entriesBy(workspace, viewer.email())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.FINDING_EVIDENCE_DOWNLOADED);
            assertThat(e.details()).isEqualTo("proof.png");
        });
    }

    @Test
    void internalNotesAndInternalCommentsNeverLeaveTheFirm() {
        UUID finding = testPortal.finding(workspace, project, "Secretive", Severity.HIGH, MARKER);
        ActingAs.run(
                workspace,
                owner,
                () -> comments.add(project, finding, "Internal: " + MARKER, CommentVisibility.INTERNAL));
        ActingAs.run(
                workspace,
                owner,
                () -> comments.add(project, finding, "We will retest next week.", CommentVisibility.SHARED));
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> evidence.add(project, finding, "trace.txt", "GET /login".getBytes()));

        String everything = as(
                manager,
                () -> List.of(
                                portal.get(finding),
                                portal.list(project, ClientFindingFilter.NONE, 0)
                                        .getContent(),
                                portal.history(finding),
                                portal.sharedComments(finding),
                                portal.evidence(finding),
                                portal.dashboard())
                        .toString());

        assertThat(everything).contains("Secretive", "We will retest next week.", "trace.txt");
        assertThat(everything).doesNotContain(MARKER).doesNotContain("Internal:");
        assertThat(everything).doesNotContain(workspace.admin().id().toString());
        assertThat(as(manager, () -> portal.sharedComments(finding)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.fromClient()).isFalse();
                    assertThat(c.internal()).isFalse();
                });
    }

    @Test
    void onlyTheProjectsTeamCanBeMentionedAndSuggested() {
        UUID finding = testPortal.finding(workspace, project, "Suggestions", Severity.LOW, MARKER);

        assertThat(as(collaborator, () -> portal.mentionSuggestions(finding, "")))
                .extracting(MentionSuggestion::handle)
                .contains(localPart(owner), localPart(editor), localPart(reviewer))
                .doesNotContain(localPart(outsider));
        assertThatThrownBy(() -> as(viewer, () -> portal.mentionSuggestions(finding, "")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClosedPortalShowsNothing() {
        UUID closing = testClients.create(workspace, "Closing Client");
        testPortal.open(workspace, closing);
        UUID closingProject = testClients.project(workspace, owner, "Closing test", closing, ProjectStatus.REPORTING);
        UUID finding = testPortal.finding(workspace, closingProject, "Closing finding", Severity.LOW, MARKER);
        TestPortalUser user = ActingAsPortalUser.of(workspace, closing, PortalRole.MANAGER);
        assertThat(as(user, () -> portal.get(finding)).title()).isEqualTo("Closing finding");

        testPortal.close(workspace, closing);

        assertThatThrownBy(() -> as(user, () -> portal.get(finding))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(user, portal::dashboard)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void staffCannotUseThePortalsService() {
        UUID finding = testPortal.finding(workspace, project, "Staff only", Severity.LOW, MARKER);

        assertThatThrownBy(() -> ActingAs.call(workspace, workspace.admin(), () -> portal.get(finding)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static <T> T as(TestPortalUser user, java.util.function.Supplier<T> work) {
        return ActingAsPortalUser.call(user, work);
    }

    /** The user's notifications of this kind about this finding. */
    private long notifications(TestUser user, String kind, UUID finding) {
        return testClients.count(
                workspace,
                "notification where recipient_id = ? and kind = ? and link like ?",
                user.id(),
                kind,
                "%/findings/" + finding + "%");
    }

    private long portalCommentsOf(UUID finding) {
        return testClients.count(workspace, "finding_comment where finding_id = ? and author_side = 'CLIENT'", finding);
    }

    private static FindingHistoryEntry last(List<FindingHistoryEntry> history) {
        return history.get(history.size() - 1);
    }

    private static String localPart(TestUser user) {
        return user.email().substring(0, user.email().indexOf('@'));
    }
}
