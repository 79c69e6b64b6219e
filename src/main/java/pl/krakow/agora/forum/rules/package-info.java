/**
 * The forum's decision rules as plain Java (no Spring, JPA or Vaadin): quorum and majorities,
 * exact at every boundary.
 */
@NullMarked
package pl.krakow.agora.forum.rules;

import org.jspecify.annotations.NullMarked;
