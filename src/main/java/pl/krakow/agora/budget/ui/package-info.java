/** Vaadin views of the participatory budget: editions, projects, the ballot, results and administration. */
@NullMarked
package pl.krakow.agora.budget.ui;

import org.jspecify.annotations.NullMarked;
