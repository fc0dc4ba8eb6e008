package io.bridgehead.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;

/** Recovers a data directory whose previous owner was killed: stops its orphaned postmaster or drops its pid file. */
final class StalePostmaster {

    private StalePostmaster() {}

    static void recover(Path dataDir, Log log) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster =
                readPid(pidFile).flatMap(ProcessHandle::of).filter(StalePostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            log.warn("Removing stale lock " + pidFile + " left by a run that did not stop cleanly");
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping PostgreSQL (pid " + postmaster.get().pid() + ") left running on " + dataDir);
        stop(postmaster.get());
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }
}
