/**
 * Citizen panels (issue 6; report ch. 8.1 and 12.2): a panel with its quotas, the volunteer pool
 * with explicit consent, the public, repeatable draw with the {@code sortition} engine (LEXIMIN,
 * compared with LEGACY), the members' private workspace and their final votes on draft
 * recommendations, which can go to the recommendation catalogue.
 *
 * <p>Services: {@link pl.krakow.agora.panel.Panels} (panels, quotas, pool composition),
 * {@link pl.krakow.agora.panel.PanelRegistration} (volunteers), {@link pl.krakow.agora.panel.PanelDraws}
 * (commitment, draw, publication), {@link pl.krakow.agora.panel.PanelWorkspace} (membership,
 * materials, drafts) and {@link pl.krakow.agora.panel.PanelVotes} (final votes).
 */
@ApplicationModule(displayName = "Citizen panels",
        allowedDependencies = {"platform", "platform::audit", "platform::i18n", "platform::ui", "identity",
            "discussion", "discussion::ui", "translation", "recommendation"})
@NullMarked
package pl.krakow.agora.panel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
