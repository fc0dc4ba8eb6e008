/** The append-only, hash-chained audit log of every workspace, and its viewer. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access"})
package io.bridgehead.audit;
