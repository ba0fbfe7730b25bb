package dev.attest.identity;

import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a route needs, as a type: {@code @RequiresPermission(Permission.CONTROLS_WRITE)} means
 * {@code @RequiresPermission(Permission.CONTROLS_WRITE)}. The template is filled with the permission's
 * authority ({@link Permission#getExpressionTemplateValue()}) by the security configuration's
 * annotation template defaults.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('{value}')")
public @interface RequiresPermission {

    /** The permission the caller must hold. */
    Permission value();
}
