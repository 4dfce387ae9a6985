package org.xinfang.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The spike rule's robust z-score: median and MAD of the baseline weeks, the spread floored at one petition. */
class WarningRulesTests {

    @Test
    void a_week_far_above_a_steady_baseline_scores_high() {
        // baseline 1,2,1,0,2,1,1,2: median 1, MAD 0.5 (1.4826 × 0.5 < 1, so the spread is the floor of 1)
        assertThat(WarningRules.robustZ(7, new int[] { 1, 2, 1, 0, 2, 1, 1, 2 })).isEqualTo(6.0);
        // baseline 2,6,3,9,4,5,1,7: median 4.5, MAD 2, spread 2.9652
        assertThat(WarningRules.robustZ(14, new int[] { 2, 6, 3, 9, 4, 5, 1, 7 })).isCloseTo(3.204, within(0.001));
    }

    @Test
    void one_outlier_week_in_the_baseline_does_not_hide_a_spike() {
        // a mean and standard deviation would be dragged up by the 40; the median and MAD are not
        assertThat(WarningRules.robustZ(12, new int[] { 2, 3, 2, 40, 3, 2, 3, 2 })).isGreaterThan(SpikeFloor.Z);
    }

    @Test
    void a_quiet_baseline_does_not_turn_every_small_week_into_a_spike() {
        // all zeros: MAD 0, floored at 1, so 3 petitions score 3 (below 3.5) and 5 score 5
        assertThat(WarningRules.robustZ(3, new int[8])).isEqualTo(3.0);
        assertThat(WarningRules.robustZ(5, new int[8])).isEqualTo(5.0);
    }

    @Test
    void median_and_mad_of_an_even_number_of_weeks() {
        assertThat(WarningRules.median(new int[] { 4, 1, 3, 2 })).isEqualTo(2.5);
        assertThat(WarningRules.mad(new int[] { 4, 1, 3, 2 })).isEqualTo(1.0);
    }

    @Test
    void key_domains_raise_one_level_and_red_stays_red() {
        assertThat(WarningLevel.YELLOW.raised()).isEqualTo(WarningLevel.ORANGE);
        assertThat(WarningLevel.ORANGE.raised()).isEqualTo(WarningLevel.RED);
        assertThat(WarningLevel.RED.raised()).isEqualTo(WarningLevel.RED);
        assertThat(WarningLevel.YELLOW.atLeast(WarningLevel.RED)).isEqualTo(WarningLevel.RED);
        assertThat(WarningLevel.RED.atLeast(WarningLevel.YELLOW)).isEqualTo(WarningLevel.RED);
    }

    private static final class SpikeFloor {
        static final double Z = WarningRules.SPIKE_Z;
    }
}
