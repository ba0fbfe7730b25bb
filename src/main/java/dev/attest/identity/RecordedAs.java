package dev.attest.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action name an event record is written under in the audit trail, as {@code module.verb}
 * ({@code incidents.breach-determined}). It is a contract with the trail's readers (exports,
 * filters, SIEM rules): a name, once given, does not change. {@link WorkspaceEvent#action()} reads it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordedAs {

    String value();
}
