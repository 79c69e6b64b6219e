package pl.krakow.agora.identity.internal;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Local accounts for form login; finds nobody while local accounts are switched off. */
class LocalUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final boolean enabled;

    LocalUserDetailsService(UserAccounts accounts, boolean enabled) {
        this.accounts = accounts;
        this.enabled = enabled;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!enabled) {
            throw new UsernameNotFoundException("local accounts are switched off");
        }
        UserAccount account = accounts.findLocal(username)
                .orElseThrow(() -> new UsernameNotFoundException("no local account"));
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new LocalUser(account.id(), account.username(), account.displayName(), account.passwordHash(),
                account.enabled(), authorities);
    }
}
