package org.xinfang.notification;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.shared.NotFoundException;

/**
 * The workbench's notices: the bell in the top bar ({@code /notices/badge}, loaded by htmx), the list
 * ({@code /notices}) and opening a notice, which marks it read and goes to what it points to. The same
 * through the API under {@code /api/v1/notices}. Every signed-in member of staff has notices; each sees
 * only their own and their unit's.
 */
@Controller
class StaffNoticeController {

    private static final int PAGE = 100;

    private final StaffNotices notices;

    StaffNoticeController(StaffNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(Model model) {
        StaffUser user = CurrentStaff.require();
        model.addAttribute("notices", notices.recent(user, PAGE));
        model.addAttribute("unread", notices.unreadCount(user));
        return "notices";
    }

    /** The bell's count, as a fragment the top bar loads after the page. */
    @GetMapping("/notices/badge")
    String badge(Model model) {
        model.addAttribute("unread", notices.unreadCount(CurrentStaff.require()));
        return "notices :: badge";
    }

    @PostMapping("/notices/{id}/read")
    String open(@PathVariable long id) {
        String link = notices.markRead(id, CurrentStaff.require())
                .orElseThrow(() -> new NotFoundException("notice.notFound"));
        return "redirect:" + link;
    }

    @PostMapping("/notices/read-all")
    String readAll() {
        notices.markAllRead(CurrentStaff.require());
        return "redirect:/notices";
    }

    @GetMapping("/api/v1/notices")
    @ResponseBody
    Map<String, Object> apiList() {
        StaffUser user = CurrentStaff.require();
        List<StaffNotice> items = notices.recent(user, PAGE);
        return Map.of("unread", notices.unreadCount(user), "items", items);
    }

    @PostMapping("/api/v1/notices/{id}/read")
    @ResponseBody
    ResponseEntity<Map<String, Object>> apiRead(@PathVariable long id) {
        String link = notices.markRead(id, CurrentStaff.require())
                .orElseThrow(() -> new NotFoundException("notice.notFound"));
        return ResponseEntity.ok(Map.of("id", id, "link", link, "read", true));
    }
}
