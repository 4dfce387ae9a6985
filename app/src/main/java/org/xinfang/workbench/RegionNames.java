package org.xinfang.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitLevel;
import org.xinfang.organization.Units;

/** The territory tree as pages show it: names for region codes, and the region picker's choices. */
@Component
class RegionNames {

    /** One choice of the region picker: its code, its full name (东湖区 / 东湖街道 / 翠湖社区) and group. */
    record Choice(String code, String label, String group, UnitLevel level) {
    }

    /** The choices of one district or county, as an option group. */
    record Group(String name, List<Choice> choices) {
    }

    private final Units units;

    RegionNames(Units units) {
        this.units = units;
    }

    /** Region code → the territory's short name. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit t : units.territories()) {
            names.putIfAbsent(t.regionCode(), t.name());
        }
        return names;
    }

    /** Every territory with its path below the top one, for filters. */
    List<Choice> territoryChoices() {
        List<Choice> choices = new ArrayList<>();
        for (Group g : tree()) {
            choices.addAll(g.choices());
        }
        return choices;
    }

    /** The tree grouped by the top territory's children (districts and counties), the top one first. */
    List<Group> tree() {
        List<Unit> all = units.territories();
        Map<Long, Unit> byId = new LinkedHashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Unit t : all) {
            List<String> names = new ArrayList<>();
            Unit topChild = t;
            for (Unit u = t; u != null; u = u.parentId() == null ? null : byId.get(u.parentId())) {
                if (u.parentId() != null) {
                    names.add(0, u.name());
                    topChild = u;
                }
            }
            String label = names.isEmpty() ? t.name() : String.join(" / ", names);
            String group = t.parentId() == null ? t.name() : topChild.name();
            groups.computeIfAbsent(group, g -> new Group(g, new ArrayList<>()))
                    .choices().add(new Choice(t.regionCode(), label, group, t.level()));
        }
        return new ArrayList<>(groups.values());
    }
}
