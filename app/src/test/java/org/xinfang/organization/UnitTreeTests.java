package org.xinfang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.XinfangTest;

/**
 * The unit tree kept in memory ({@link UnitStore#all}) follows every change of {@code organization.unit},
 * also one made by another node (here: plain SQL, bypassing this node's code).
 */
@XinfangTest
class UnitTreeTests {

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_territory_renamed_or_retired_elsewhere_shows_at_the_next_read() {
        Unit district = units.territories().stream().filter(u -> u.name().equals("东湖区")).findFirst().orElseThrow();
        long before = version();
        try {
            jdbc.sql("UPDATE organization.unit SET name = '东湖新区' WHERE id = ?").param(district.id()).update();
            assertThat(version()).isGreaterThan(before);
            assertThat(units.territories()).extracting(Unit::name).contains("东湖新区").doesNotContain("东湖区");

            jdbc.sql("UPDATE organization.unit SET active = false WHERE id = ?").param(district.id()).update();
            assertThat(units.territories()).extracting(Unit::id).doesNotContain(district.id());
        } finally {
            jdbc.sql("UPDATE organization.unit SET name = '东湖区', active = true WHERE id = ?").param(district.id()).update();
        }
        assertThat(units.territories()).extracting(Unit::name).contains("东湖区").doesNotContain("东湖新区");
    }

    @Autowired
    UnitStore store;

    @Test
    void without_a_change_the_kept_tree_is_not_read_again_and_after_one_it_is() {
        java.util.List<Unit> first = store.all();
        assertThat(store.all()).isSameAs(first);
        jdbc.sql("UPDATE organization.unit SET sort_order = sort_order WHERE id = ?").param(first.get(0).id()).update();
        assertThat(store.all()).isNotSameAs(first).isEqualTo(first);
    }

    private long version() {
        return jdbc.sql("SELECT version FROM organization.unit_tree_version WHERE id = 1").query(Long.class).single();
    }
}
