package dev.steward.selfservice.web;

import dev.steward.platform.security.Callers;
import dev.steward.selfservice.settings.TenantRestrictions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every My Groups endpoint refuses query options it does not know, and answers 403 to non-administrators while the
 * tenant restricts My Groups to administrators (the settings endpoint itself checks its own callers).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TenantRestrictions restrictions;

    WebConfiguration(TenantRestrictions restrictions) {
        this.restrictions = restrictions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryOptionsInterceptor()).addPathPatterns("/mygroups/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                restrictions.checkGroupsAccess(Callers.current());
                return true;
            }
        }).addPathPatterns("/mygroups/**").excludePathPatterns("/mygroups/settings");
    }
}
