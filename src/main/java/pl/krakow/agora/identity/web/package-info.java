/** The identity module's HTTP API. */
@NullMarked
package pl.krakow.agora.identity.web;

import org.jspecify.annotations.NullMarked;
