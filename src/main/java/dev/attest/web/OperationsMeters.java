package dev.attest.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Meters of the application as a whole: {@code attest_job_queue_age_seconds}, how long the oldest
 * event still waiting for its listeners (the work queued between modules) has waited, and
 * {@code attest_mail_failures_total}, mail the SMTP server refused or that could not be sent.
 */
@Configuration(proxyBeanMethods = false)
class OperationsMeters {

    @Bean
    MeterBinder jobQueueAge(JdbcClient jdbc, Clock clock) {
        return registry -> Gauge.builder("attest.job.queue.age", () -> {
                    OffsetDateTime oldest = jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
                            .query(OffsetDateTime.class).optional().orElse(null);
                    return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
                })
                .description("Seconds the oldest unprocessed module event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    @Bean
    MeterBinder mailFailures() {
        // registered at start, so that the series exists (at 0) before the first failure
        return registry -> Counter.builder(MAIL_FAILURES).description("Mail that could not be sent").register(registry);
    }

    static final String MAIL_FAILURES = "attest.mail.failures";

    /** Counts every send that fails, whichever module sent it. */
    @Bean
    static BeanPostProcessor mailFailureCounter(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JavaMailSender sender)) {
                    return bean;
                }
                return Proxy.newProxyInstance(JavaMailSender.class.getClassLoader(), new Class<?>[] {JavaMailSender.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(sender, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof MailException && method.getName().equals("send")) {
                            Counter.builder(MAIL_FAILURES).description("Mail that could not be sent")
                                    .register(registry.getObject()).increment();
                        }
                        throw e.getCause();
                    }
                });
            }
        };
    }
}
