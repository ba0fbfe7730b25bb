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
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Meters of the application as a whole: {@code attest_job_queue_age_seconds}, how long the oldest
 * waiting work has waited (an event still waiting for its listeners, or a module's {@link QueuedWork} such as
 * a queued collector run), and
 * {@code attest_mail_failures_total}, mail the SMTP server refused or that could not be sent.
 */
@Configuration(proxyBeanMethods = false)
class OperationsMeters {

    @Bean
    MeterBinder jobQueueAge(JdbcClient jdbc, Clock clock, ObjectProvider<QueuedWork> queues) {
        return registry -> Gauge.builder("attest.job.queue.age", () -> {
                    Instant now = clock.instant();
                    OffsetDateTime event = jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
                            .query(OffsetDateTime.class).optional().orElse(null);
                    Instant oldest = event == null ? now : event.toInstant();
                    for (QueuedWork queue : queues) {
                        Instant waiting = queue.oldestWaiting().orElse(now);
                        oldest = waiting.isBefore(oldest) ? waiting : oldest;
                    }
                    return Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
                })
                .description("Seconds the oldest waiting work (a module event not yet handled, a queued collector run) has waited")
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
