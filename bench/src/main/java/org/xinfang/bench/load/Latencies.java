package org.xinfang.bench.load;

import java.util.Arrays;

/**
 * Every latency of one request type, kept whole (a few hundred thousand longs at most in a run), so
 * percentiles are exact rather than bucketed. Thread-safe by synchronisation; recording is cheap
 * next to an HTTP round trip.
 */
final class Latencies {

    private long[] micros = new long[4096];
    private int count;
    private long errors;

    synchronized void record(long micro) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = micro;
    }

    synchronized void error() {
        errors++;
    }

    synchronized LoadResult.Stats stats(double seconds) {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return new LoadResult.Stats(count, errors, count / seconds, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
