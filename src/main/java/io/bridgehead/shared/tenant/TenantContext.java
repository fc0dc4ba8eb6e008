package io.bridgehead.shared.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The workspace the current thread works for. Every transaction copies it into PostgreSQL's {@code app.tenant_id}
 * setting, which the row-level security policies compare against. System scope is for the few installation-wide
 * reads that precede knowing the tenant (sign-in by e-mail, the mail dispatcher).
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> TENANT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> SYSTEM = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<UUID> current() {
        return Optional.ofNullable(TENANT.get());
    }

    public static UUID require() {
        UUID tenant = TENANT.get();
        if (tenant == null) {
            throw new IllegalStateException("No workspace in context");
        }
        return tenant;
    }

    public static boolean isSystemScope() {
        return Boolean.TRUE.equals(SYSTEM.get());
    }

    public static void set(UUID tenant) {
        TENANT.set(tenant);
    }

    public static void clear() {
        TENANT.remove();
        SYSTEM.remove();
    }

    public static <T> T callAs(UUID tenant, Supplier<T> work) {
        UUID previousTenant = TENANT.get();
        Boolean previousSystem = SYSTEM.get();
        TENANT.set(tenant);
        SYSTEM.remove();
        try {
            return work.get();
        } finally {
            restore(previousTenant, previousSystem);
        }
    }

    public static void runAs(UUID tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsSystem(Supplier<T> work) {
        UUID previousTenant = TENANT.get();
        Boolean previousSystem = SYSTEM.get();
        TENANT.remove();
        SYSTEM.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            restore(previousTenant, previousSystem);
        }
    }

    private static void restore(UUID tenant, Boolean system) {
        if (tenant == null) {
            TENANT.remove();
        } else {
            TENANT.set(tenant);
        }
        if (system == null) {
            SYSTEM.remove();
        } else {
            SYSTEM.set(system);
        }
    }
}
