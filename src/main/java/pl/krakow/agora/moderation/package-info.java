/**
 * Moderation (issue 5, items 10-11): readers flag content, moderators work through a queue sorted by
 * the number of flags and hide or restore content with a required reason, authors are told in the
 * app, and every decision goes to the audit log.
 *
 * <p>The module is upstream of the content modules (architecture.md): it never imports one. A content
 * module takes part by implementing {@link pl.krakow.agora.moderation.ModeratableContent}, which
 * moderation looks up by the content's {@link pl.krakow.agora.platform.ContentRef}; the content module
 * keeps the hidden state of its own content, so that its public queries and counts need no other
 * module's tables.
 */
@ApplicationModule(displayName = "Moderation",
        allowedDependencies = {"platform", "platform::audit", "platform::i18n", "platform::ui", "identity"})
@NullMarked
package pl.krakow.agora.moderation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
