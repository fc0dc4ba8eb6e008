package io.bridgehead.shared.web;

import io.bridgehead.shared.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Shows a refused change (409) with its reason in the layout. */
@ControllerAdvice
class ConflictAdvice {

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "error/conflict";
    }
}
