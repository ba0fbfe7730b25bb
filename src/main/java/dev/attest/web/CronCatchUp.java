package dev.attest.web;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Registers every {@code @Scheduled(cron = ...)} method that carries a {@code @SchedulerLock} as a
 * {@link CronJobs.Job}, and looks for missed due times every half lease: a job is started again through its
 * bean (so through its lock), which runs it only when its latest due time has not run.
 */
final class CronCatchUp implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CronCatchUp.class);

    private final ConfigurableApplicationContext context;
    private final CronJobs jobs;
    private final Duration every;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attest-cron-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    CronCatchUp(ConfigurableApplicationContext context, CronJobs jobs, Duration lease) {
        this.context = context;
        this.jobs = jobs;
        this.every = lease.dividedBy(2);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null) {
                continue;
            }
            ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> register(name, method),
                    method -> AnnotatedElementUtils.hasAnnotation(method, Scheduled.class) && AnnotatedElementUtils.hasAnnotation(method, SchedulerLock.class));
        }
        ticks.scheduleWithFixedDelay(this::catchUp, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void register(String bean, Method method) {
        Scheduled scheduled = AnnotatedElementUtils.findMergedAnnotation(method, Scheduled.class);
        SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
        String cron = context.getEnvironment().resolvePlaceholders(scheduled.cron());
        if (!StringUtils.hasText(cron) || Scheduled.CRON_DISABLED.equals(cron) || !StringUtils.hasText(lock.name())) {
            return;
        }
        String zone = context.getEnvironment().resolvePlaceholders(scheduled.zone());
        Object target = context.getBean(bean);
        Method callable = AopUtils.selectInvocableMethod(method, target.getClass());
        ReflectionUtils.makeAccessible(callable);
        jobs.register(new CronJobs.Job(lock.name(), CronExpression.parse(cron), StringUtils.hasText(zone) ? ZoneId.of(zone) : ZoneId.systemDefault(),
                () -> ReflectionUtils.invokeMethod(callable, target)));
    }

    private void catchUp() {
        try {
            int started = jobs.catchUp(Instant.now());
            if (started > 0) {
                log.info("Caught up {} cron job(s) whose latest due time had not run", started);
            }
        } catch (RuntimeException e) {
            log.warn("Cron catch-up failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
