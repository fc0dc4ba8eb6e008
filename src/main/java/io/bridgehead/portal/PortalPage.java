package io.bridgehead.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the controllers of pages a client's people see, so portal-wide advice applies to them and nothing else. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PortalPage {}
