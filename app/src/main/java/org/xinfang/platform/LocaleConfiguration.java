package org.xinfang.platform;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Simplified Chinese first. Pages switch to English with {@code ?lang=en} (remembered in a cookie);
 * the API follows {@code Accept-Language}. A browser's default English header does not flip the
 * workbench to English, because the bureau's staff work in Chinese.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "xinfang-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new ChineseFirstLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    static final class ChineseFirstLocaleResolver implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Object chosen = request.getAttribute(COOKIE);
            if (chosen instanceof Locale locale) {
                return locale;
            }
            if (request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (COOKIE.equals(cookie.getName())) {
                        return supported(cookie.getValue());
                    }
                }
            }
            if (request.getRequestURI().startsWith("/api/")) {
                String header = request.getHeader("Accept-Language");
                if (StringUtils.hasText(header) && header.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
            return Locale.SIMPLIFIED_CHINESE;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale chosen = locale == null ? Locale.SIMPLIFIED_CHINESE : supported(locale.getLanguage());
            request.setAttribute(COOKIE, chosen);
            if (response != null) {
                ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.getLanguage())
                        .path("/").maxAge(365L * 24 * 3600).sameSite("Lax").build();
                response.addHeader("Set-Cookie", cookie.toString());
            }
        }

        private static Locale supported(String language) {
            return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
    }
}
