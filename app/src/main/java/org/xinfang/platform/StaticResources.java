package org.xinfang.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The style sheets, scripts, images and WebJars (ECharts …) the pages link, each folder by its own
 * path, with the resolved locations cached.
 * <p>
 * Spring Boot's default maps {@code /**} to the static folders, and Thymeleaf passes every link it
 * writes ({@code @{/cases/…}}, each queue tab, each pager link) through the resource URL encoder, which
 * asked the default mapping whether that link is a file — a lookup in the application's jar for each
 * link of each page, not cached because the answer was "no". That was two thirds of the CPU of an inbox
 * page at 1,000,000 petitions (bench/README, session 5). Mapped by name, a link to a page is not a
 * resource and costs a pattern match.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] { "css", "js", "img" }) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        // version-free WebJars paths (/webjars/echarts/echarts.min.js) are resolved by the chain's
        // WebJars resolver, which the chain adds by itself when webjars-locator-lite is present
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }
}
