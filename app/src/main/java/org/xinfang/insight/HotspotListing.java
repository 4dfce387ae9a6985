package org.xinfang.insight;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

final class HotspotListing {
    static void run(Path input, Map<String, String> options, PrintStream out) {
        throw new UnsupportedOperationException("not yet");
    }
}
