package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import pl.krakow.agora.budget.pabulib.VoteType;

/** Small builders for hand-computable instances. */
final class Instances {

    private Instances() {
    }

    /** projects as "id:cost", ballots as comma-separated ids ("" = empty ballot). */
    static TallyInput approval(long budget, List<String> projects, String... ballots) {
        return of(VoteType.APPROVAL, budget, projects, ballots);
    }

    static TallyInput of(VoteType type, long budget, List<String> projects, String... ballots) {
        List<TallyInput.Project> ps = projects.stream().map(s -> {
            String[] a = s.split(":");
            return new TallyInput.Project(a[0], new BigDecimal(a[1]));
        }).toList();
        List<TallyInput.Ballot> bs = new ArrayList<>();
        for (String b : ballots) {
            // "A,B" or "A,B|3,2" (ids | points)
            String[] parts = b.split("\\|", -1);
            List<String> ids = parts[0].isEmpty() ? List.of() : List.of(parts[0].split(","));
            List<BigDecimal> pts = parts.length > 1 ? List.of(parts[1].split(",")).stream().map(BigDecimal::new).toList() : List.of();
            bs.add(new TallyInput.Ballot(ids, pts));
        }
        return TallyInput.of(ps, BigDecimal.valueOf(budget), type, bs);
    }

    static String[] repeat(int times, String ballot) {
        String[] a = new String[times];
        java.util.Arrays.fill(a, ballot);
        return a;
    }

    static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(new String[0]);
    }
}
