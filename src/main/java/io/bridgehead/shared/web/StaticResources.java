package io.bridgehead.shared.web;

import java.time.Duration;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files live under four paths only, instead of Spring Boot's default {@code /**}. With {@code /**}, every link a
 * page builds ({@code @{/projects/...}}) went through the resource chain's URL rewriting, which looked for a static file
 * of that name in each classpath location and, not finding one, cached nothing: about 45% of the Java time of a
 * findings page. Boot's own mappings are off ({@code spring.web.resources.add-mappings=false}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private final CacheControl cacheControl;

    StaticResources(WebProperties web) {
        Duration period = web.getResources().getCache().getPeriod();
        this.cacheControl = period == null ? CacheControl.empty() : CacheControl.maxAge(period);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(cacheControl);
        }
        // Version-free webjar paths in templates; links are rewritten to the versioned path, so an upgrade is fetched.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(cacheControl)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
