package org.xinfang.reception;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.reception.ReceptionViews.Booking;
import org.xinfang.reception.ReceptionViews.NewFieldVisit;
import org.xinfang.reception.ReceptionViews.NewRecord;
import org.xinfang.reception.ReceptionViews.NewSlot;

/**
 * REST for reception days ({@code /api/v1/reception/**}): the schedule, clerk bookings, reception records
 * and 带案下访. Roles are set in the security configuration, the organisation scope in {@link Receptions}.
 */
@RestController
@RequestMapping("/api/v1/reception")
class ReceptionApiController {

    private final Receptions receptions;

    ReceptionApiController(Receptions receptions) {
        this.receptions = receptions;
    }

    @GetMapping("/slots")
    List<ReceptionViews.Slot> schedule() {
        return receptions.schedule(CurrentStaff.require());
    }

    @PostMapping("/slots")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> publish(@RequestBody NewSlot body) {
        return Map.of("id", receptions.publish(body, CurrentStaff.require()));
    }

    @GetMapping("/slots/{id}")
    ReceptionViews.SlotDetail slot(@PathVariable long id) {
        return receptions.detail(id, CurrentStaff.require());
    }

    @PostMapping("/slots/{id}/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    ReceptionViews.Booked book(@PathVariable long id, @RequestBody Booking body) {
        return receptions.bookByClerk(id, body, CurrentStaff.require());
    }

    @PostMapping("/slots/{id}/records")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> record(@PathVariable long id, @RequestBody NewRecord body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return Map.of("petitionNumber", receptions.record(id, body, key, CurrentStaff.require()));
    }

    @GetMapping("/visits")
    List<ReceptionViews.FieldVisit> visits() {
        return receptions.fieldVisits(CurrentStaff.require());
    }

    @PostMapping("/visits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> visit(@RequestBody NewFieldVisit body) {
        return Map.of("id", receptions.recordFieldVisit(body, CurrentStaff.require()));
    }
}
