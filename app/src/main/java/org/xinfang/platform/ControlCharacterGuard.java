package org.xinfang.platform;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xinfang.shared.InvalidInputException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request parameter (query string or form field) holding a NUL character with a 400 naming
 * the field. PostgreSQL cannot store, compare or even receive U+0000 in text, so such a value failed
 * deep inside a query as a 500 (found by {@code HostileInputTests} in the inbox filters, its Excel
 * export and the audit search); no legitimate form or filter ever contains one.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                throw new InvalidInputException("", "validation.controlCharacter");
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new InvalidInputException(parameter.getKey(), "validation.controlCharacter");
                }
            }
        }
        return true;
    }
}
