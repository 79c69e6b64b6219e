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

    /** Projects "p0:cost".. and random approval ballots (each project approved with chance 1/3). */
    record RandomProfile(List<String> projects, String[] ballots) {
    }

    /**
     * A random approval profile: 2..projectBound+1 projects, 1..voterBound voters, each cost
     * 1..smallCost or 1..largeCost. The random calls are made in a fixed order, so a seed always
     * gives the same profile.
     */
    static RandomProfile randomProfile(java.util.SplittableRandom rnd, int projectBound, int voterBound,
            int smallCost, int largeCost) {
        int projects = 2 + rnd.nextInt(projectBound);
        int voters = 1 + rnd.nextInt(voterBound);
        List<String> ps = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            ps.add("p" + p + ":" + (1 + rnd.nextInt(rnd.nextBoolean() ? smallCost : largeCost)));
        }
        String[] ballots = new String[voters];
        for (int v = 0; v < voters; v++) {
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                if (rnd.nextInt(3) == 0) {
                    ids.add("p" + p);
                }
            }
            ballots[v] = String.join(",", ids);
        }
        return new RandomProfile(ps, ballots);
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
