package org.xinfang.bench.data;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Generates (or finds already generated) {@code bench/target/data-<N>} and prints the rows of each table
 * and the time taken:
 *
 * <pre>./mvnw -q -o -pl bench -am -DskipTests -Prun verify -Dbench.main=org.xinfang.bench.data.GenerateData \
 *     -Dbench.args="--petitions 1000000 [--seed 20261122]"</pre>
 */
public final class GenerateData {

    private GenerateData() {
    }

    public static void main(String[] args) {
        int petitions = 1_000_000;
        long seed = 20261122L;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--petitions" -> petitions = Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: GenerateData --petitions N [--seed S]");
            }
        }
        long t0 = System.nanoTime();
        try (BenchDatabase db = BenchDatabase.open(petitions, seed, Map.of())) {
            double wall = (System.nanoTime() - t0) / 1e9;
            Properties g = db.generation();
            boolean now = db.lastReport != null;
            System.out.println();
            System.out.printf(Locale.ROOT, "%s in %s%n", now ? "Generated" : "Already generated (reused)", db.folder());
            Map<String, String> rows = new TreeMap<>();
            g.stringPropertyNames().stream().filter(k -> k.startsWith("rows.")).forEach(k -> rows.put(k.substring(5), g.getProperty(k)));
            rows.forEach((table, n) -> System.out.printf(Locale.ROOT, "  %-24s %,14d rows%n", table, Long.parseLong(n)));
            System.out.printf(Locale.ROOT, "  real messages used as texts: %s%n", g.getProperty("real-messages"));
            System.out.printf(Locale.ROOT, "generation: %s s (rows %s s, indexes and keys %s s)%s%n", g.getProperty("seconds"),
                    g.getProperty("seconds.rows"), g.getProperty("seconds.indexes"),
                    now ? String.format(Locale.ROOT, "; with start-up %.1f s", wall) : " (recorded when it ran)");
            Long actual = db.jdbc().sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
            System.out.printf(Locale.ROOT, "petition.petition now holds %,d rows; %,d sampled numbers with 查询码 in %s%n", actual,
                    db.samples().size(), BenchDatabase.SAMPLE_FILE);
        }
        System.exit(0);
    }
}
