package io.bridgehead.shared.web;

import io.bridgehead.shared.RuleViolation;
import org.springframework.validation.BindingResult;

public final class FormErrors {

    private FormErrors() {}

    /** Shows a broken domain rule next to its field, like a validation error. */
    public static void reject(BindingResult result, RuleViolation violation) {
        result.rejectValue(violation.field(), "rule", violation.getMessage());
    }
}
