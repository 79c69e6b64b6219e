/**
 * The append-only, hash-chained audit log: every privileged action is a row that holds the SHA-256
 * of the row before it, so that a changed, removed or inserted row breaks the chain and is found.
 */
@NamedInterface("audit")
@NullMarked
package pl.krakow.agora.platform.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
