package pl.krakow.agora.identity;

import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.internal.UserAccounts;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** The signed-in user's own settings, such as the language Agora speaks to them. */
@Service
public class UserPreferences {

    private final CurrentUser currentUser;
    private final UserAccounts accounts;

    UserPreferences(CurrentUser currentUser, UserAccounts accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<UiLanguage> preferredLanguage() {
        return currentUser.get().flatMap(user -> accounts.preferredLanguage(user.id())).flatMap(UiLanguage::fromTag);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setPreferredLanguage(UiLanguage language) {
        currentUser.get().ifPresent(user -> accounts.setPreferredLanguage(user.id(), language.tag()));
    }
}
