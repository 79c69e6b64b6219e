package pl.krakow.agora.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Service;

import pl.krakow.agora.identity.internal.SecurityProperties;

/** Which ways of signing in this installation offers, for the login page. */
@Service
public class SignInOptions {

    /** An OIDC provider: its registration id (for {@code /oauth2/authorization/{id}}) and display name. */
    public record Provider(String registrationId, String name) {
        public String authorizationPath() {
            return "/oauth2/authorization/" + registrationId;
        }
    }

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final SecurityProperties properties;

    SignInOptions(ObjectProvider<ClientRegistrationRepository> registrations, SecurityProperties properties) {
        this.registrations = registrations;
        this.properties = properties;
    }

    public boolean localAccountsEnabled() {
        return properties.localAccounts().enabled();
    }

    public List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object item : all) {
                if (item instanceof ClientRegistration registration) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                }
            }
        }
        return providers;
    }
}
