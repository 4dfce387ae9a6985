package org.xinfang.portal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.databind.json.JsonMapper;

/** Puts the {@link PublicApiGuard} in front of the public API, before security and MVC. */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    FilterRegistrationBean<PublicApiGuard> publicApiGuard(Throttle throttle, Challenges challenges, MessageSource messages,
            JsonMapper json) {
        FilterRegistrationBean<PublicApiGuard> registration = new FilterRegistrationBean<>(
                new PublicApiGuard(throttle, challenges, messages, json));
        registration.addUrlPatterns("/api/v1/public/*");
        // after character encoding (highest precedence), before Spring Security (-100)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
