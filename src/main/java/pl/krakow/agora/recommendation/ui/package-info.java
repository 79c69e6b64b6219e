/** The catalogue's views: browse and search, one recommendation, the report's front matter, the workflow scheme, proposals. */
@NullMarked
package pl.krakow.agora.recommendation.ui;

import org.jspecify.annotations.NullMarked;
