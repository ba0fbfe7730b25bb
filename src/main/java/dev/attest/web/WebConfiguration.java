package dev.attest.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Application-wide beans: the clock every deadline is computed from (tests replace it), and the installation's zone. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The installation's zone ({@code attest.time-zone}): where a day-counted deadline ends, as dates are shown. */
    @Bean
    ZoneId zone(Dates dates) {
        return dates.zone();
    }
}
