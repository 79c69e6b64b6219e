/** The sign-in page. */
@NullMarked
package pl.krakow.agora.identity.ui;

import org.jspecify.annotations.NullMarked;
