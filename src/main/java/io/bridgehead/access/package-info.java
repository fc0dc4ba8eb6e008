/** The permission model: platform roles, the matrix of what each may do, and the one check pages and API share. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package io.bridgehead.access;
