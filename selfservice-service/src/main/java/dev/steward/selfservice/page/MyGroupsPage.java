package dev.steward.selfservice.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The My Groups web page: static files under {@code classpath:/static/ui/mygroups/}, served at {@value #PATH}. The
 * files are public (a browser loads them before anyone signs in), nothing else is: this chain matches only
 * {@code GET} and {@code HEAD} of {@value #PATH}{@code **}, which only the static resource handler and the redirect
 * below answer, and every call the page makes goes to {@code /mygroups/...} with the user's bearer token, through
 * the platform's chain. Everything the page runs comes from this service ({@link #CONTENT_SECURITY_POLICY}: no inline
 * script or style, no other origin, no form posts, no framing).
 */
@Configuration(proxyBeanMethods = false)
class MyGroupsPage implements WebMvcConfigurer {

    static final String PATH = "/ui/mygroups/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /** Before the platform's API chain, which answers every other request (401 without a token). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain myGroupsPageFiles(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, PATH + "**"),
                        paths.matcher(HttpMethod.HEAD, PATH + "**"), paths.matcher(HttpMethod.GET, "/ui/mygroups")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ui/mygroups", PATH + "index.html");
        registry.addRedirectViewController(PATH, PATH + "index.html");
    }
}
