package org.xinfang.workbench;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionQueue;

/** Sign-in and each role's home page with the counts of its work queues. */
@Controller
class WorkbenchController {

    private final PetitionQueries queries;

    WorkbenchController(PetitionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/login")
    String login() {
        if (CurrentStaff.get().isPresent()) {
            return "redirect:/";
        }
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        StaffUser user = CurrentStaff.require();
        model.addAttribute("roles", user.roles().stream().sorted().toList());
        if (!user.roles().equals(java.util.Set.of(Role.ADMIN))) {
            InboxQuery query = new InboxQuery();
            Map<String, Long> counts = new java.util.HashMap<>();
            Map<String, String> countTexts = new java.util.HashMap<>();
            // as the inbox counts: exact up to the cap, "10000+" beyond it
            queries.cappedCounts(query.filter(user, 1), user).forEach((q, n) -> {
                counts.put(q.name(), n);
                countTexts.put(q.name(), n > queries.countCap() ? queries.countCap() + "+" : Long.toString(n));
            });
            model.addAttribute("countTexts", countTexts);
            model.addAttribute("queues", InboxQuery.queuesFor(user).stream().filter(q -> q != PetitionQueue.ALL).toList());
            model.addAttribute("counts", counts);
            model.addAttribute("mine", InboxQuery.ownUnitByDefault(user));
        }
        return "home";
    }
}
