package org.xinfang.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * The organisation tree as other modules may use it: finding units and territories, walking up and
 * down, and turning a user's data scope into the set of units they may see.
 */
@Service
public class Units {

    private final UnitStore store;

    Units(UnitStore store) {
        this.store = store;
    }

    public Optional<Unit> find(long id) {
        return store.find(id);
    }

    public Optional<Unit> findByCode(String code) {
        return store.findByCode(code);
    }

    /** The territory unit (government) with this region code, if this installation serves it. */
    public Optional<Unit> territory(String regionCode) {
        return store.territoryByRegionCode(regionCode);
    }

    /** The unit and its ancestors, nearest first. */
    public List<Unit> ancestry(Unit unit) {
        List<Unit> chain = new ArrayList<>();
        Unit current = unit;
        chain.add(current);
        while (current.parentId() != null) {
            current = store.find(current.parentId()).orElseThrow();
            chain.add(current);
        }
        return chain;
    }

    /** The territory a unit belongs to: itself if it is one, else its nearest territorial ancestor. */
    public Unit territoryOf(Unit unit) {
        return ancestry(unit).stream().filter(Unit::isTerritory).findFirst().orElse(unit);
    }

    /** The units directly inside a territory (its departments and its sub-territories). */
    public List<Unit> children(long unitId) {
        return store.children(unitId);
    }

    /** A unit of the given kind (and function, for departments) serving exactly this territory. */
    public Optional<Unit> unitServing(Unit territory, UnitKind kind, String function) {
        return store.children(territory.id()).stream()
                .filter(u -> u.kind() == kind && (function == null || function.equals(u.function())))
                .findFirst();
    }

    /** Every unit the user may see, according to their data scope. */
    public Set<Long> visibleUnitIds(StaffUser user) {
        Unit own = store.find(user.unitId()).orElseThrow();
        return switch (user.scope()) {
            case OWN_UNIT -> Set.of(own.id());
            case UNIT_AND_BELOW -> Set.copyOf(store.idsBelow(own.path()));
            case TERRITORY_AND_BELOW -> Set.copyOf(store.idsBelow(territoryOf(own).path()));
        };
    }

    /** How many units the installation has (active or not). */
    public long count() {
        return store.count();
    }

    /** Whether the user's scope reaches this unit. */
    public boolean canSee(StaffUser user, long unitId) {
        return visibleUnitIds(user).contains(unitId);
    }

    /** The part of the tree the user may see, in tree order. */
    public List<Unit> visibleTree(StaffUser user) {
        Set<Long> visible = visibleUnitIds(user);
        return store.all().stream().filter(u -> visible.contains(u.id())).collect(Collectors.toList());
    }

    /** All territories (for region pickers), in tree order. */
    public List<Unit> territories() {
        return Collections.unmodifiableList(store.all().stream().filter(Unit::isTerritory).toList());
    }

    /**
     * The heads (负责人, staff with the {@link Role#APPROVER} role) of each unit, by name: the persons
     * answerable for what a unit owes, for bulletins that name who is responsible (找准不落实的人).
     */
    public java.util.Map<Long, List<String>> headsOf(java.util.Collection<Long> unitIds) {
        return unitIds.isEmpty() ? java.util.Map.of() : store.staffWithRole(unitIds, Role.APPROVER);
    }
}
