package org.xinfang.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;

import jakarta.servlet.http.HttpServletRequest;

/** Makes the signed-in user ({@code staff}) and the page's path available to every workbench page. */
@ControllerAdvice(annotations = Controller.class)
class CurrentStaffAdvice {

    @ModelAttribute("staff")
    StaffUser staff() {
        return CurrentStaff.get().orElse(null);
    }

    /** The path of the page, for marking the open section in the top bar. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
