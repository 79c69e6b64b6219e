/**
 * The minority forum (issue 7; report 12.2 "Forum na wzór rady miasta … w ramach sesji", 8.1):
 * standing bodies with a statute and members, numbered sessions with a published agenda, and live
 * sessions — check-in, quorum, speakers list with a countdown, motions and amendments, open
 * (roll-call) and secret votes — and minutes approved at the next session.
 *
 * <p>The database is the single truth of a running session. Every change is one transaction that
 * locks the session's row, checks the state, writes and raises the session's version; views follow
 * {@link pl.krakow.agora.forum.ForumChangeFeed}, which polls the versions, so a change made on one
 * application node reaches the screens served by every other node.
 *
 * <p>Being a forum member is membership of a body ({@code forum_member}), checked by this module's
 * services for every member action; the {@code FORUM_MEMBER} role only opens the menu entries.
 */
@ApplicationModule(displayName = "Forum",
        allowedDependencies = {"platform", "platform::i18n", "platform::ui", "platform::audit", "identity", "translation"})
@NullMarked
package pl.krakow.agora.forum;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
