/**
 * Users, roles and sign-in: local accounts with form login (development and demo) and any OIDC
 * provider with a configurable claim-to-role mapping. Other modules ask {@link CurrentUser} who is
 * acting and refer to users by {@link UserRef} only.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package pl.krakow.agora.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
