package org.xinfang.workbench;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * What every workbench page controller shares: failures the page did not handle itself become a page
 * in the user's language (not the API's JSON problem), with the right status. Handlers declared on the
 * controller class take precedence over the application-wide problem handling.
 */
abstract class WorkbenchPage {

    private PageText text;

    @Autowired
    void setPageText(PageText text) {
        this.text = text;
    }

    PageText text() {
        return text;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text.of(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, text.get("error.forbidden"));
    }

    @ExceptionHandler(RuleViolationException.class)
    ModelAndView conflict(RuleViolationException e) {
        return problem(HttpStatus.CONFLICT, text.of(e));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView badInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, String.join(" ", text.fieldErrors(e).values()));
    }

    private static ModelAndView problem(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        // model attributes of advice do not reach an exception handler's view: the top bar needs the user
        page.addObject("staff", CurrentStaff.get().orElse(null));
        return page;
    }
}
