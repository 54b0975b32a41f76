package org.coloc.platform;

import jakarta.ejb.ApplicationException;

/** Thrown by boundaries and controls to answer with a specific problem (status, title, detail). */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.problem = Problem.of(status, title, detail);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }
}
