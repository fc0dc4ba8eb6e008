package io.bridgehead.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalePostmasterTest {

    @TempDir
    Path dataDir;

    @Test
    void dropsTheLockOfAProcessThatNoLongerRuns() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(dataDir.resolve("postmaster.pid"), finished.pid() + "\n" + dataDir + "\n");

        StalePostmaster.recover(dataDir, LogFactory.getLog(getClass()));

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void neverStopsAProcessThatIsNotPostgres() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dataDir.resolve("postmaster.pid"), unrelated.pid() + "\n");

            StalePostmaster.recover(dataDir, LogFactory.getLog(getClass()));

            assertThat(unrelated.isAlive()).isTrue();
            assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        } finally {
            unrelated.destroy();
        }
    }

    @Test
    void leavesADirectoryWithoutLockAlone() throws Exception {
        StalePostmaster.recover(dataDir, LogFactory.getLog(getClass()));

        assertThat(Files.list(dataDir)).isEmpty();
    }
}
