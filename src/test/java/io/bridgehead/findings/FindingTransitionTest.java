package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.findings.FindingTransition.Side;
import org.junit.jupiter.api.Test;

class FindingTransitionTest {

    @Test
    void theClientReportsAFixOrAsksForARetestOfAnOpenFinding() {
        assertThat(FindingTransition.available(FindingStatus.OPEN, Side.CLIENT))
                .containsExactly(FindingTransition.MARK_REMEDIATED, FindingTransition.REQUEST_RETEST);
    }

    @Test
    void theFirmVerifiesOnlyWhatWasReportedOrRequested() {
        for (FindingStatus waiting :
                new FindingStatus[] {FindingStatus.PENDING_VERIFICATION, FindingStatus.RETEST_REQUESTED}) {
            assertThat(FindingTransition.available(waiting, Side.FIRM))
                    .containsExactly(
                            FindingTransition.VERIFY_FIXED,
                            FindingTransition.VERIFY_NOT_FIXED,
                            FindingTransition.VERIFY_PARTIALLY_FIXED);
        }
        assertThat(FindingTransition.between(FindingStatus.OPEN, FindingStatus.VERIFIED_FIXED, Side.FIRM))
                .isEmpty();
    }

    @Test
    void notFixedSendsTheFindingBackToOpenWithANote() {
        assertThat(FindingTransition.VERIFY_NOT_FIXED.to()).isEqualTo(FindingStatus.OPEN);
        assertThat(FindingTransition.VERIFY_NOT_FIXED.noteRequired()).isTrue();
    }

    @Test
    void theClientCannotVerifyCloseOrAcceptRisk() {
        for (FindingStatus status : FindingStatus.values()) {
            assertThat(FindingTransition.available(status, Side.CLIENT))
                    .allMatch(t ->
                            t.to() == FindingStatus.PENDING_VERIFICATION || t.to() == FindingStatus.RETEST_REQUESTED);
        }
    }

    @Test
    void nothingLeavesAClosedFindingButReopening() {
        assertThat(FindingTransition.available(FindingStatus.CLOSED, Side.FIRM))
                .containsExactly(FindingTransition.REOPEN);
        assertThat(FindingTransition.available(FindingStatus.CLOSED, Side.CLIENT))
                .isEmpty();
    }

    @Test
    void everyStatusCanBeReachedAndLeft() {
        for (FindingStatus status : FindingStatus.values()) {
            boolean reachable = status == FindingStatus.OPEN
                    || java.util.Arrays.stream(FindingTransition.values()).anyMatch(t -> t.to() == status);
            boolean leavable =
                    java.util.Arrays.stream(FindingTransition.values()).anyMatch(t -> t.allowedFrom(status));
            assertThat(reachable).as(status + " reachable").isTrue();
            assertThat(leavable).as(status + " leavable").isTrue();
        }
    }
}
