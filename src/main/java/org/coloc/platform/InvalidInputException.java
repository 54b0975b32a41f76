package org.coloc.platform;

import java.util.List;

/** Bad input, with every offending field named: answered as 400 with one problem listing them all. */
public class InvalidInputException extends ProblemException {

    private final transient List<Problem.FieldError> errors;

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(400, "Bad Request", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        Problem p = super.problem();
        return new Problem(p.type(), p.title(), p.status(), p.detail(), errors);
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors.";
    }
}
