package io.bridgehead.shared.db;

import io.bridgehead.shared.tenant.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.Serial;
import java.sql.PreparedStatement;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts every transaction by making the current workspace (or system scope) transaction-local in PostgreSQL, so the
 * row-level security policies hold even for a query that forgets its tenant condition.
 */
class TenantScopedTransactionManager extends JpaTransactionManager {

    @Serial
    private static final long serialVersionUID = 1L;

    TenantScopedTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        EntityManagerHolder holder =
                (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        EntityManager em = holder.getEntityManager();
        try {
            scopeToWorkspace(em);
        } catch (RuntimeException e) {
            // The transaction is begun and bound to this thread, but its caller never gets it, so nobody would end it:
            // the thread would keep the broken connection for every later request (seen after a database outage).
            abandon(transaction, em);
            throw new CannotCreateTransactionException("Could not scope the transaction to its workspace", e);
        }
    }

    private static void scopeToWorkspace(EntityManager em) {
        String tenant = TenantContext.current().map(Object::toString).orElse("");
        String scope = TenantContext.isSystemScope() ? "system" : "";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select set_config('app.tenant_id', ?, true), set_config('app.scope', ?, true)")) {
                ps.setString(1, tenant);
                ps.setString(2, scope);
                ps.execute();
            }
        });
    }

    private void abandon(Object transaction, EntityManager em) {
        try {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } catch (RuntimeException rollbackFailed) {
            // The connection is gone; closing the entity manager below returns it to the pool, which discards it.
        } finally {
            doCleanupAfterCompletion(transaction);
        }
    }
}
