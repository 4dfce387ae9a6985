package org.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import net.jqwik.api.sessions.JqwikSession;

/** The fuzz test's generators: quick, and the same seed gives the same payloads (a failure can be rerun). */
class HostileValuesTests {

    @AfterEach
    void finish() {
        JqwikSession.finish();
    }

    @Test
    void the_same_seed_draws_the_same_hostile_values() {
        JqwikSession.start("1");
        Random a = new Random(5);
        Random b = new Random(5);
        for (int i = 0; i < 300; i++) {
            assertThat(HostileInputTests.Hostile.string(a)).isEqualTo(HostileInputTests.Hostile.string(b));
            assertThat(String.valueOf(HostileInputTests.Hostile.json(a, 0))).isEqualTo(String.valueOf(HostileInputTests.Hostile.json(b, 0)));
        }
    }
}
