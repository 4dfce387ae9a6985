package org.xinfang.organization;

/**
 * A unit of the organisation tree.
 *
 * @param function the department's line of work (e.g. {@code HOUSING}) for functional departments, else null
 * @param path     materialised path of ids, {@code /1/5/12/}, so "everything below" is one indexed prefix match
 */
public record Unit(long id, String code, String name, UnitLevel level, UnitKind kind, String function,
        String regionCode, Long parentId, String path) {

    public boolean isTerritory() {
        return kind == UnitKind.TERRITORY;
    }

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }
}
