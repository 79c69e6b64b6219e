package pl.krakow.agora.identity.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

import pl.krakow.agora.identity.ui.LoginView;

/**
 * Web security: Vaadin's configurer (CSRF on, Vaadin's internal requests allowed, view access by
 * annotations), form login for local accounts, and OIDC login for every provider registered under
 * {@code spring.security.oauth2.client.registration.*}. Services are secured too
 * ({@code @PreAuthorize}), not only views. JSR-250 method security stays off: it would proxy the
 * views, whose {@code @RolesAllowed} is for Vaadin's navigation access control.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
            AgoraOidcUserService oidcUserService) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles.css", "/images/**",
                        "/error", "/error/**", "/api/v1/me", "/api/v1/recommendations", "/api/v1/recommendations/**",
                        "/api/docs", "/api/docs/**", "/swagger-ui/**")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/"));
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth
                    .loginPage("/" + LoginView.ROUTE)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService)));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix lets the algorithm be raised without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts, SecurityProperties properties) {
        return new LocalUserDetailsService(accounts, properties.localAccounts().enabled());
    }

    @Bean
    AgoraOidcUserService agoraOidcUserService(SecurityProperties properties, UserAccounts accounts) {
        return new AgoraOidcUserService(new ClaimRoleMapper(properties.oidc()), accounts);
    }
}
