package org.xinfang.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;

/**
 * The segmenter the platform uses, knowing the place names of this installation's territory tree.
 * Administrators rarely change the tree, so the gazetteer is rebuilt at most every few minutes.
 */
@Component
public class TextSegmentation {

    private static final Duration REFRESH = Duration.ofMinutes(5);

    private final Units units;
    private final Clock clock;
    private volatile ChineseSegmenter segmenter;
    private volatile Instant builtAt = Instant.EPOCH;
    private volatile int builtFrom;

    TextSegmentation(Units units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** The current segmenter (thread-safe, immutable). */
    public ChineseSegmenter segmenter() {
        Instant now = Instant.now(clock);
        ChineseSegmenter current = segmenter;
        // an empty tree is only seen before the first start's seeding: look again until there is one
        if (current == null || builtFrom == 0 || !now.isBefore(builtAt.plus(REFRESH)) || now.isBefore(builtAt)) {
            List<String> names = new ArrayList<>();
            for (Unit t : units.territories()) {
                names.add(t.name());
            }
            current = new ChineseSegmenter().withPlaceNames(names);
            segmenter = current;
            builtFrom = names.size();
            builtAt = now;
        }
        return current;
    }
}
