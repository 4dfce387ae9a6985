package org.xinfang.organization;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/units}: the part of the organisation tree the caller may see. */
@RestController
class UnitController {

    record UnitView(long id, String name, String code, String level, String kind, String regionCode, Long parentId) {
    }

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping("/api/v1/units")
    List<UnitView> units() {
        return units.visibleTree(CurrentStaff.require()).stream()
                .map(u -> new UnitView(u.id(), u.name(), u.code(), u.level().name(), u.kind().name(), u.regionCode(),
                        u.parentId()))
                .toList();
    }
}
