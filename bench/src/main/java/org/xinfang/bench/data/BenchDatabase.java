package org.xinfang.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;

/**
 * A running Xinfang node on an embedded PostgreSQL holding {@code n} generated petitions, for benchmarks
 * and tests at scale. The data folder {@code bench/target/data-<n>} (relative to the working directory,
 * the repository root when run through the {@code run} profile) is kept: the first {@link #open} generates
 * the petitions (see {@link Generator}; about two minutes per million on a quiet 2-core machine), later
 * ones start on the kept database at once. A folder whose generation did not finish is thrown away and
 * generated again.
 * <p>
 * Beside the database the folder holds {@value #SAMPLE_FILE}: one line per sampled petition (about 20,000)
 * with its number and 查询码, status, whether it is confidential and the code of the unit holding it, for
 * tracking lookups and case pages in load tests. The personal-data key is the folder's own
 * ({@code keys/master.key}), so the sealed values stay readable across runs.
 */
public final class BenchDatabase implements AutoCloseable {

    /** The sampled petitions beside the database: number, query code, status, confidential, current unit code. */
    public static final String SAMPLE_FILE = "tracking-sample.tsv";
    private static final String DONE_FILE = "generated.properties";

    /** One sampled petition. */
    public record Sample(String number, String queryCode, String status, boolean confidential, String unitCode) {
    }

    private final ConfigurableApplicationContext app;
    private final Path folder;

    private BenchDatabase(ConfigurableApplicationContext app, Path folder) {
        this.app = app;
        this.folder = folder;
    }

    /**
     * Starts Xinfang (random port, scheduler off, logs quiet) on {@code bench/target/data-<n>} (a kept
     * embedded-PostgreSQL data folder) holding {@code n} generated petitions; generates on first use,
     * reuses afterwards.
     */
    public static BenchDatabase open(int petitions) {
        return open(petitions, 20261122L, Map.of());
    }

    /**
     * Like {@link #open(int)}, with the generator's seed (used only when generating) and extra
     * application properties (for example {@code xinfang.db.pool-size}).
     */
    public static BenchDatabase open(int petitions, long seed, Map<String, String> properties) {
        Path folder = folderFor(petitions);
        try {
            boolean generated = Files.isRegularFile(folder.resolve(DONE_FILE));
            if (!generated && Files.exists(folder)) {
                System.out.println("removing " + folder + ": its generation did not finish");
                delete(folder);
            }
            Files.createDirectories(folder);
            ConfigurableApplicationContext app = start(folder, properties);
            BenchDatabase db = new BenchDatabase(app, folder);
            if (!generated) {
                try {
                    db.generate(petitions, seed);
                } catch (Exception | Error e) {
                    app.close();
                    throw e instanceof RuntimeException re ? re : new IllegalStateException("generation failed", e);
                }
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bench/target/data-<n>}, relative to the working directory. */
    public static Path folderFor(int petitions) {
        return Path.of("bench", "target", "data-" + petitions).toAbsolutePath();
    }

    /** The shared data folder beside the repository ({@code ../shared/data}, or {@code -Dxinfang.data}), if there. */
    static Path sharedData() {
        Path p = Path.of(System.getProperty("xinfang.data", "../shared/data"));
        return Files.isDirectory(p) ? p : null;
    }

    private static ConfigurableApplicationContext start(Path folder, Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--xinfang.embedded.data-dir=" + folder,
                "--xinfang.scheduler.enabled=false", "--logging.level.root=warn", "--logging.level.org.xinfang=warn",
                "--spring.main.banner-mode=off",
                // a kept database was migrated when it was generated; migrations merged since may carry a lower
                // version than the newest one it has (modules number their own ranges)
                "--spring.flyway.out-of-order=true",
                // a server holding a million petitions gives PostgreSQL a real page cache (README:
                // XINFANG_EMBEDDED_SHARED_BUFFERS); -Dbench.shared-buffers=256MB measures with the small default
                "--xinfang.embedded.shared-buffers=" + System.getProperty("bench.shared-buffers", "2GB")));
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        return SpringApplication.run(XinfangApplication.class, args.toArray(String[]::new));
    }

    private void generate(int petitions, long seed) throws Exception {
        System.out.printf(Locale.ROOT, "generating %,d petitions into %s …%n", petitions, folder);
        long t0 = System.nanoTime();
        Generator.Report report = new Generator(app, seed).generate(petitions, folder, sharedData());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Properties done = new Properties();
        done.setProperty("petitions", String.valueOf(petitions));
        done.setProperty("seed", String.valueOf(seed));
        done.setProperty("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        done.setProperty("seconds.rows", String.format(Locale.ROOT, "%.1f", report.generate().toMillis() / 1e3));
        done.setProperty("seconds.indexes", String.format(Locale.ROOT, "%.1f", report.indexes().toMillis() / 1e3));
        done.setProperty("real-messages", String.valueOf(report.realMessages()));
        report.rows().forEach((table, n) -> done.setProperty("rows." + table, String.valueOf(n)));
        try (var out = Files.newBufferedWriter(folder.resolve(DONE_FILE), StandardCharsets.UTF_8)) {
            done.store(out, "generated by org.xinfang.bench.data.Generator");
        }
        lastReport = report;
        lastSeconds = seconds;
    }

    Generator.Report lastReport;
    double lastSeconds;

    /** The running application. */
    public ConfigurableApplicationContext app() {
        return app;
    }

    /** Its HTTP port on localhost. */
    public int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** Plain SQL on its database. */
    public JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }

    /** The data folder. */
    public Path folder() {
        return folder;
    }

    /** What the generation recorded (rows per table, seconds), as written when it finished. */
    public Properties generation() {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(folder.resolve(DONE_FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The sampled petitions with their query codes (see {@link #SAMPLE_FILE}). */
    public List<Sample> samples() {
        return samples(folder.resolve(SAMPLE_FILE));
    }

    /** Reads a sample file written by the generator. */
    public static List<Sample> samples(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .map(f -> new Sample(f[0], f[1], f[2], Boolean.parseBoolean(f[3]), f[4])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
