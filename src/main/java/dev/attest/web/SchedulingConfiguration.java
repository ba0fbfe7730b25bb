package dev.attest.web;

import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Scheduled jobs ({@code @Scheduled} plus {@code @SchedulerLock(name = ...)}) run once across all
 * nodes that share the database: the lock is a row in {@code shedlock}, claimed with the database's
 * clock. The claim is a lease ({@link LeasedLocks}, {@code attest.scheduling.lease}, a minute by default)
 * that the node renews while the job runs: a job whose node died is picked up by another node's next
 * tick one lease later; a cron job missed that way is caught up within about a lease ({@link CronJobs}), once
 * per due time. Tests switch scheduling off with
 * {@code attest.scheduling.enabled=false} and call the jobs directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "attest.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class SchedulingConfiguration {

    @Bean
    CronJobs cronJobs(DataSource dataSource) {
        return new CronJobs(dataSource);
    }

    @Bean(destroyMethod = "close")
    LeasedLocks lockProvider(DataSource dataSource, CronJobs cron, @Value("${attest.scheduling.lease:PT1M}") Duration lease) {
        return leased(dataSource, lease, "node", cron);
    }

    @Bean(destroyMethod = "close")
    CronCatchUp cronCatchUp(ConfigurableApplicationContext context, CronJobs cron, @Value("${attest.scheduling.lease:PT1M}") Duration lease) {
        return new CronCatchUp(context, cron, lease);
    }

    /** Job claims on this database as leases; for the application and for tests that play several nodes. */
    public static LeasedLocks leased(DataSource dataSource, Duration lease, String node) {
        return leased(dataSource, lease, node, null);
    }

    /** Job claims as leases, cron jobs once per due time ({@code cron} may be null). */
    public static LeasedLocks leased(DataSource dataSource, Duration lease, String node, CronJobs cron) {
        JdbcTemplateLockProvider claims = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
        return new LeasedLocks(claims, lease, node, cron);
    }
}
