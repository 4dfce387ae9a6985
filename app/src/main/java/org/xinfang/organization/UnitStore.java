package org.xinfang.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code organization.unit}. */
@Repository
class UnitStore {

    private static final String COLUMNS = "id, code, name, level, kind, function, region_code, parent_id, path";

    private final JdbcClient jdbc;

    UnitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Unit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization.unit WHERE id = ?").param(id)
                .query(UnitStore::map).optional();
    }

    Optional<Unit> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization.unit WHERE code = ?").param(code)
                .query(UnitStore::map).optional();
    }

    Optional<Unit> territoryByRegionCode(String regionCode) {
        if (!org.xinfang.shared.RegionCode.isWellFormed(regionCode)) {
            // not a region code (a filter typed by hand, a NUL byte PostgreSQL cannot even compare): no territory
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization.unit WHERE region_code = ? AND kind = 'TERRITORY'")
                .param(regionCode).query(UnitStore::map).optional();
    }

    List<Unit> below(String pathPrefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization.unit WHERE path LIKE ? AND active ORDER BY path, sort_order")
                .param(pathPrefix + "%").query(UnitStore::map).list();
    }

    List<Long> idsBelow(String pathPrefix) {
        return jdbc.sql("SELECT id FROM organization.unit WHERE path LIKE ?").param(pathPrefix + "%")
                .query(Long.class).list();
    }

    /** unit id → display names of its enabled staff holding the role, by name. */
    java.util.Map<Long, List<String>> staffWithRole(java.util.Collection<Long> unitIds, Role role) {
        java.util.Map<Long, List<String>> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT u.unit_id, u.display_name FROM organization.staff_user u
                JOIN organization.user_role r ON r.user_id = u.id AND r.role = ?
                WHERE u.enabled AND u.unit_id = ANY(?) ORDER BY u.display_name""")
                .params(role.name(), unitIds.toArray(Long[]::new))
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)))
                .list();
        return out;
    }

    List<Unit> children(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization.unit WHERE parent_id = ? AND active ORDER BY sort_order, id")
                .param(parentId).query(UnitStore::map).list();
    }

    /**
     * Every active unit in tree order. Nearly every request reads the tree (region pickers, scope trees), so
     * it is kept in memory and read again only when {@code organization.unit_tree_version}, which every
     * change of {@code organization.unit} moves in its own transaction (V9_50), differs from the version it
     * was read with: one one-row read instead of the whole table (5 ms at the generated 1,000,000-petition
     * installation), and never stale on any node. A tree read in the same moment as a commit may be newer than
     * its number says; the next call then reads it again.
     */
    List<Unit> all() {
        long version = jdbc.sql("SELECT version FROM organization.unit_tree_version WHERE id = 1").query(Long.class).single();
        Tree cached = tree;
        if (cached == null || cached.version() != version) {
            cached = new Tree(version, List.copyOf(jdbc.sql("SELECT " + COLUMNS
                    + " FROM organization.unit WHERE active ORDER BY path, sort_order").query(UnitStore::map).list()));
            tree = cached;
        }
        return cached.units();
    }

    private record Tree(long version, List<Unit> units) {
    }

    private volatile Tree tree;

    long count() {
        return jdbc.sql("SELECT count(*) FROM organization.unit").query(Long.class).single();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM organization.unit)").query(Boolean.class).single();
    }

    /** Inserts a unit below {@code parent} (null for a root) and returns it with its id and path. */
    Unit insert(Unit parent, String code, String name, UnitLevel level, UnitKind kind, String function,
            String regionCode, int sortOrder) {
        long id = jdbc.sql("""
                INSERT INTO organization.unit (code, name, level, kind, function, region_code, parent_id, path, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, '', ?) RETURNING id""")
                .params(code, name, level.name(), kind.name(), function, regionCode,
                        parent == null ? null : parent.id(), sortOrder)
                .query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("UPDATE organization.unit SET path = ? WHERE id = ?").params(path, id).update();
        return new Unit(id, code, name, level, kind, function, regionCode, parent == null ? null : parent.id(), path);
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitLevel.valueOf(rs.getString("level")), UnitKind.valueOf(rs.getString("kind")),
                rs.getString("function"), rs.getString("region_code"), parentId,
                rs.getString("path"));
    }
}
