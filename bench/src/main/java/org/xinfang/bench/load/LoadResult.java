package org.xinfang.bench.load;

import java.util.Locale;
import java.util.Map;

/**
 * What a load run measured: per request type the successful requests, the failed ones (transport
 * errors and unexpected statuses), throughput and latency percentiles in milliseconds.
 */
public record LoadResult(int clients, double seconds, Map<RequestType, Stats> byType) {

    /** One request type's figures. */
    public record Stats(long ok, long errors, double perSecond, double p50, double p95, double p99, double max) {
    }

    /** A table, one line per request type. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %9s %7s %9s %9s %9s %9s %9s%n", "request", "ok", "errors", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms"));
        byType.forEach((type, s) -> sb.append(String.format(Locale.ROOT, "%-20s %9d %7d %9.1f %9.1f %9.1f %9.1f %9.1f%n", type,
                s.ok(), s.errors(), s.perSecond(), s.p50(), s.p95(), s.p99(), s.max())));
        return sb.toString();
    }

    public Stats of(RequestType type) {
        return byType.get(type);
    }
}
