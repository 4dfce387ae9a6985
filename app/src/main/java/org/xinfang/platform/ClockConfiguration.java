package org.xinfang.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.shared.ChinaTime;

/** The one source of time. Tests replace it with a clock they move; nothing else reads the system time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }
}
