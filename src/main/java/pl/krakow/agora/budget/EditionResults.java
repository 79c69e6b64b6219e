package pl.krakow.agora.budget;

import java.util.List;

/** The results of an edition, pool by pool, tallied on its frozen rules. */
public record EditionResults(Edition edition, long ballots, List<PoolResult> pools) {

    public EditionResults {
        pools = List.copyOf(pools);
    }
}
