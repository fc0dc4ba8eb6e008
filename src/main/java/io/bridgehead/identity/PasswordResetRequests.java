package io.bridgehead.identity;

import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.RequestOrigin;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Password-reset requests are handled after the answer has gone. Whether the address has an account decides the work
 * that follows (a link, a mail, an audit entry, two commits); an answer that waited for it told by its timing whether
 * the address is registered (about 90 ms on the test machine). One worker and a bounded queue, so a flood of requests
 * takes one thread at most; what overflows is dropped, which the answer cannot show either.
 */
@Component
public class PasswordResetRequests {

    private static final Log log = LogFactory.getLog(PasswordResetRequests.class);

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000),
            task -> {
                Thread thread = new Thread(task, "password-reset-requests");
                thread.setDaemon(true);
                return thread;
            },
            (dropped, executor) -> log.warn("Password-reset request dropped: 1,000 are already waiting"));

    /** Runs the request's work later, in the current workspace (if any) and attributed to the current request. */
    void handleLater(Runnable work) {
        UUID tenant = TenantContext.current().orElse(null);
        RequestOrigin origin = RequestOrigin.current();
        worker.execute(() -> {
            try {
                RequestOrigin.runFrom(origin, () -> {
                    if (tenant == null) {
                        work.run();
                    } else {
                        TenantContext.runAs(tenant, work);
                    }
                });
            } catch (RuntimeException e) {
                log.error("Password-reset request failed", e);
            }
        });
    }

    /** Waits until every request handed over so far has been handled (for tests: the mail is queued after this). */
    public void awaitHandled() {
        try {
            worker.submit(() -> {}).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Password-reset requests still not handled", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
