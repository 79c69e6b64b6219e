package pl.krakow.agora.budget.ui;

/** Where the budget's public pages are, for links from other pages and for tests. */
public final class BudgetPaths {

    private BudgetPaths() {
    }

    public static String ballot(long editionId) {
        return BallotView.path(editionId);
    }

    public static String results(long editionId) {
        return ResultsView.path(editionId);
    }

    public static String ballots(long editionId) {
        return BallotsView.path(editionId);
    }

    public static String edition(long editionId) {
        return EditionView.path(editionId);
    }
}
