package org.xinfang.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.XinfangTest;

/**
 * The replay of real public messages ({@code ../shared/data/messages_with_votes.jsonl}, 4,326 messages of
 * 2017–2020) as petitions over their original timestamps, the rules run week by week: place and topic
 * clusters must be found; the top ten warnings and their evidence counts are printed for the closing
 * note. The replay runs in a rolled-back transaction, so the shared test database keeps none of it.
 * Skipped, with a message, when the shared data folder is not there ({@code -Dxinfang.data=<folder>}).
 */
@XinfangTest
class WarningReplayTests {

    static final Path DATA = Paths.get(System.getProperty("xinfang.data", "../../shared/data"), "messages_with_votes.jsonl");

    @Autowired
    WarningReplay replay;

    @Autowired
    JdbcClient jdbc;

    @Test
    void replaying_real_messages_week_by_week_raises_place_and_topic_cluster_warnings() throws Exception {
        assumeTrue(Files.isReadable(DATA), "the shared data file " + DATA.toAbsolutePath() + " is not there"
                + " (set -Dxinfang.data=<folder>); the replay is skipped");
        long petitionsBefore = jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        WarningReplay.Result result = replay.run(DATA, 10, out);
        WarningReplay.print(result, out);

        assertThat(result.petitions()).isGreaterThan(4000);
        assertThat(result.byRule().getOrDefault(WarningRule.CLUSTER, 0)).isGreaterThanOrEqualTo(10);
        assertThat(result.top()).hasSize(10);
        assertThat(result.top()).anySatisfy(w -> assertThat(w.rule()).isEqualTo(WarningRule.CLUSTER));
        assertThat(result.top()).allSatisfy(w -> assertThat(w.evidenceCount()).isPositive());
        // rolled back: the replay left nothing behind
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single()).isEqualTo(petitionsBefore);
    }
}
