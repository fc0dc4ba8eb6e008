/** Cross-cutting pieces every capability uses: database and tenant scope, web shell, request origin, time. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.bridgehead.shared;
