package org.xinfang.search;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.petition.PetitionStatus;

/** {@code GET /api/v1/search?q=…}: full-text search for staff, within their scope. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private final PetitionSearch search;

    SearchController(PetitionSearch search) {
        this.search = search;
    }

    @GetMapping
    PetitionSearch.Results search(@RequestParam(required = false) String q,
            @RequestParam(required = false) PetitionStatus status, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String category, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return search.search(new PetitionSearch.Query(q, status, unitId, category, regionCode, from, to, page, size),
                CurrentStaff.require());
    }
}
