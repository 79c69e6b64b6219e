/** The embedded MariaDB server used by {@code ./mvnw spring-boot:run} and by the tests. */
@NullMarked
package pl.krakow.agora.platform.db;

import org.jspecify.annotations.NullMarked;
