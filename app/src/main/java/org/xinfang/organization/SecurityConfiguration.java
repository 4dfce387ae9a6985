package org.xinfang.organization;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * All authentication and role rules in one place. The API ({@code /api/**}) is stateless with bearer
 * tokens and answers problem details; the web pages use form login with sessions stored in PostgreSQL
 * so any node can serve any request. Which cases a user may see (organisation scope) is decided by
 * {@link Units#visibleUnitIds} in the queries of each module, never by a controller.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 3600)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt by default
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAccounts accounts, PasswordEncoder encoder,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokens tokens, MessageSource messages, JsonMapper json)
            throws Exception {
        ProblemWriter problems = new ProblemWriter(messages, json);
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .csrf(csrf -> csrf.disable()) // no cookies are read on the API, so there is nothing to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/public/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/petitions").hasRole(Role.CLERK.name())
                        .requestMatchers("/api/v1/audit/**").hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name())
                        // insight and search: case workers, supervisors and leaders, each within their scope
                        .requestMatchers("/api/v1/insight/hotspots").hasAnyRole(Role.LEADER.name(),
                                Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/insight/suggestions").hasRole(Role.CLERK.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/petitions/*/suggestions", "/api/v1/search")
                        .hasAnyRole(Role.CLERK.name(), Role.HANDLER.name(), Role.APPROVER.name(),
                                Role.SUPERVISOR.name(), Role.LEADER.name())
                        // early warnings (预警): leaders, supervisors and administrators read them within their
                        // territories; leaders and supervisors acknowledge and handle; evaluation on demand is for
                        // administrators and supervisors
                        .requestMatchers(HttpMethod.POST, "/api/v1/warnings/evaluate").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/warnings/*/acknowledge", "/api/v1/warnings/*/handle")
                        .hasAnyRole(Role.LEADER.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/api/v1/warnings", "/api/v1/warnings/**").hasAnyRole(Role.LEADER.name(),
                                Role.SUPERVISOR.name(), Role.ADMIN.name())
                        // documents and the ledger: case-working roles; which petitions is decided by PetitionScope
                        .requestMatchers(HttpMethod.GET, "/api/v1/petitions/ledger.xlsx", "/api/v1/petitions/*/documents",
                                "/api/v1/petitions/*/documents/*").hasAnyRole(Role.CLERK.name(), Role.HANDLER.name(),
                                        Role.APPROVER.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/petitions/*/documents").hasAnyRole(Role.CLERK.name(),
                                Role.HANDLER.name(), Role.APPROVER.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
                        // the reply checker: those who draft, approve or supervise replies
                        .requestMatchers(HttpMethod.GET, "/api/v1/petitions/*/reply-check").hasAnyRole(Role.HANDLER.name(),
                                Role.APPROVER.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/reply-check").hasAnyRole(Role.CLERK.name(),
                                Role.HANDLER.name(), Role.APPROVER.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
                        // supervision (督办, 领导包案, 批示, 通报, 约谈, 联席会议, 意见箱): roles here; which cases and
                        // orders, by the organisation scope in the module's use cases
                        .requestMatchers("/api/v1/supervision/suggestions/**", "/api/v1/supervision/interviews/**",
                                "/api/v1/supervision/feedback/**").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/orders", "/api/v1/supervision/orders/*/close",
                                "/api/v1/supervision/orders/*/escalate", "/api/v1/supervision/conferences")
                        .hasRole(Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/orders/*/response",
                                "/api/v1/supervision/instructions/*/report").hasAnyRole(Role.HANDLER.name(), Role.APPROVER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/ownerships", "/api/v1/supervision/ownerships/*/end",
                                "/api/v1/supervision/instructions", "/api/v1/supervision/instructions/*/confirm")
                        .hasRole(Role.LEADER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/ownerships/*/notes")
                        .hasAnyRole(Role.LEADER.name(), Role.HANDLER.name(), Role.APPROVER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/conferences/*/decision")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.CLERK.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/conferences/*/follow").hasRole(Role.CLERK.name())
                        .requestMatchers("/api/v1/supervision/bulletin").hasAnyRole(Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers("/api/v1/supervision/**").hasAnyRole(Role.SUPERVISOR.name(), Role.LEADER.name(),
                                Role.HANDLER.name(), Role.APPROVER.name(), Role.CLERK.name())
                        // 积案攻坚 is run by supervisors and leaders; disputes are recorded by every case-working
                        // role; reception days by the bureau's clerks, supervisors and leaders (scope in each module)
                        .requestMatchers("/api/v1/campaigns/**").hasAnyRole(Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers("/api/v1/disputes/**").hasAnyRole(Role.CLERK.name(), Role.HANDLER.name(),
                                Role.APPROVER.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers("/api/v1/reception/**").hasAnyRole(Role.CLERK.name(), Role.SUPERVISOR.name(),
                                Role.LEADER.name())
                        // statistics: the bureau's clerks and supervisors, leaders, unit heads; figures within their scope
                        .requestMatchers("/api/v1/statistics/**").hasAnyRole(Role.CLERK.name(), Role.APPROVER.name(),
                                Role.SUPERVISOR.name(), Role.LEADER.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "problem.unauthenticated"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN,
                                "problem.forbidden")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager manager) throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error", "/portal/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        // supervision pages; the use cases check the role of each step and the scope again. The
                        // section on a case page is for whoever may open the case page.
                        .requestMatchers(HttpMethod.GET, "/supervision/cases/*/panel").authenticated()
                        .requestMatchers("/supervision/suggestions/**", "/supervision/interviews/**", "/supervision/feedback/**",
                                "/supervision/orders/new").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers("/supervision/bulletin/**").hasAnyRole(Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers("/leader/**").hasRole(Role.LEADER.name())
                        .requestMatchers("/supervision/**").hasAnyRole(Role.SUPERVISOR.name(), Role.LEADER.name(),
                                Role.HANDLER.name(), Role.APPROVER.name(), Role.CLERK.name())
                        .requestMatchers("/campaigns/**").hasAnyRole(Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers("/disputes/**").hasAnyRole(Role.CLERK.name(), Role.HANDLER.name(),
                                Role.APPROVER.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
                        .requestMatchers("/reception/**").hasAnyRole(Role.CLERK.name(), Role.SUPERVISOR.name(),
                                Role.LEADER.name())
                        .requestMatchers(HttpMethod.POST, "/warnings/evaluate").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/warnings/*/acknowledge", "/warnings/*/handle")
                        .hasAnyRole(Role.LEADER.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/warnings", "/warnings/**").hasAnyRole(Role.LEADER.name(),
                                Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/statistics/**", "/statistics").hasAnyRole(Role.CLERK.name(), Role.APPROVER.name(),
                                Role.SUPERVISOR.name(), Role.LEADER.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler((req, res, ex) -> res.sendRedirect(
                                ex instanceof LockedException ? "/login?locked" : "/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // On the public portal the only refusal is a stale form (CSRF token gone with an expired
                // session): the citizen gets the portal's explanation in Chinese, not a bare 403.
                // (Spring Security applies a single "default for" handler to every request, so the plain 403 for
                // the rest is registered explicitly beside it.)
                .exceptionHandling(e -> e
                        .defaultAccessDeniedHandlerFor(
                                (req, res, ex) -> res.sendRedirect(req.getContextPath() + "/portal/expired"),
                                PathPatternRequestMatcher.withDefaults().matcher("/portal/**"))
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Reads {@code Authorization: Bearer …}; an invalid token simply leaves the request anonymous. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final BearerTokens tokens;

        BearerTokenFilter(BearerTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.resolve(header.substring(7).trim()).ifPresent(principal -> {
                    var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(auth);
                    SecurityContextHolder.setContext(context);
                });
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** Writes a problem detail from inside the security filters, where no controller advice runs. */
    record ProblemWriter(MessageSource messages, JsonMapper json) {

        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
                throws IOException {
            // Chinese unless the client asks for English, as everywhere on the API
            String header = request.getHeader("Accept-Language");
            Locale locale = header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en")
                    ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
            problem.setTitle(messages.getMessage("problem.status." + status.value(), null, status.getReasonPhrase(), locale));
            problem.setProperty("errors", List.<Map<String, String>>of());
            response.setStatus(status.value());
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            if (status == HttpStatus.UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
