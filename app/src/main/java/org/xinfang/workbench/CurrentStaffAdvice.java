package org.xinfang.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;

/** Makes the signed-in user available to every workbench page as {@code staff}. */
@ControllerAdvice(annotations = Controller.class)
class CurrentStaffAdvice {

    @ModelAttribute("staff")
    StaffUser staff() {
        return CurrentStaff.get().orElse(null);
    }
}
