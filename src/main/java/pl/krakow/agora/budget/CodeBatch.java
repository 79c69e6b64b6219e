package pl.krakow.agora.budget;

import java.time.Instant;
import java.util.List;

/** A batch of one-time codes, shown in plain text once (for printing); the database keeps their hashes only. */
public record CodeBatch(long id, String label, Instant issuedAt, List<String> codes) {
}
