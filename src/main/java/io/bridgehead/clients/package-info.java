/** Client organisations: list, profile, contacts, internal notes, logos, archive / restore / delete, plan allowance. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "audit", "tenancy"})
package io.bridgehead.clients;
