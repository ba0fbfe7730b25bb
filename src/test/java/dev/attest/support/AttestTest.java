package dev.attest.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole application on a random port, on its real database (H2 file, or PostgreSQL in CI). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface AttestTest {

    String ADMIN_EMAIL = "admin@localhost";
    String ADMIN_PASSWORD = "correct-horse-battery-staple";
    String ADMIN_TOKEN = "attest_test_bootstrap_token_0123456789abcdef";
}
