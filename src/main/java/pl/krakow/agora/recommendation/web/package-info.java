/** The catalogue's public read API, {@code /api/v1/recommendations}, described by OpenAPI at {@code /api/docs}. */
@NullMarked
package pl.krakow.agora.recommendation.web;

import org.jspecify.annotations.NullMarked;
