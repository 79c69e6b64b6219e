/**
 * Participatory budgeting for minority groups (report 8.2). The exact tally engine is pure Java in
 * {@code budget.tally}; the Pabulib file format in {@code budget.pabulib}.
 */
@ApplicationModule(displayName = "Participatory budget")
@NullMarked
package pl.krakow.agora.budget;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
