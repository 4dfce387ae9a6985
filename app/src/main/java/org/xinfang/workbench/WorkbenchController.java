package org.xinfang.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;

/** Sign-in and each role's home page. */
@Controller
class WorkbenchController {

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
        return "home";
    }
}
