package org.xinfang.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home page: what can be petitioned here, what belongs elsewhere, and the time limits. */
@Controller
class PortalController {

    @GetMapping({ "/portal", "/portal/" })
    String home() {
        return "portal/home";
    }

    /** Where a form sent after its session expired lands (see SecurityConfiguration). */
    @GetMapping("/portal/expired")
    String expired() {
        return "portal/expired";
    }
}
