package io.bridgehead.shared.tenant;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs a unit of work in its own transaction under an explicit workspace or in system scope. */
@Component
public class ScopedTransactions {

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;

    ScopedTransactions(PlatformTransactionManager transactionManager) {
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
    }

    public <T> T readAsSystem(Supplier<T> work) {
        return TenantContext.callAsSystem(() -> readOnly.execute(status -> work.get()));
    }

    public <T> T writeAsSystem(Supplier<T> work) {
        return TenantContext.callAsSystem(() -> readWrite.execute(status -> work.get()));
    }

    public <T> T writeAs(UUID tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> readWrite.execute(status -> work.get()));
    }

    public <T> T readAs(UUID tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> readOnly.execute(status -> work.get()));
    }
}
