package org.coloc.maintenance.control;

import java.time.Instant;
import java.util.List;
import org.coloc.maintenance.entity.MaintenanceFields;
import org.coloc.maintenance.entity.MaintenanceState;
import org.coloc.platform.InvalidInputException;
import org.coloc.platform.Problem;
import org.coloc.platform.ProblemException;

/**
 * What an edit of a maintenance means for the members told about it. A draft changes freely. Once announced, a
 * new window is a "rescheduled" notice, a new text an "updated" one (each a new calendar SEQUENCE); what it affects
 * cannot change (the audience would, and half of it would hear of a maintenance from its middle: cancel it and
 * plan another); a maintenance in progress keeps its start. Completed and cancelled ones are history. Pure code.
 */
public final class Edits {

    private Edits() {
    }

    /** What the edit leads to. */
    public enum Effect {
        /** Nobody is told: a draft, or nothing the members see changed (autoComplete, say). */
        QUIET,
        /** The text changed: an "updated" notice. */
        UPDATED,
        /** The window changed (maybe the text too): a "rescheduled" notice. */
        RESCHEDULED;

        /** A notice goes out, and the calendar event gets a new SEQUENCE. */
        public boolean noticed() {
            return this != QUIET;
        }

        public NoticeKind notice() {
            return this == UPDATED ? NoticeKind.UPDATED : NoticeKind.RESCHEDULED;
        }
    }

    /**
     * @throws ProblemException 409 when the edit is not allowed in this state
     * @throws InvalidInputException 400 when an announced maintenance would start in the past
     */
    public static Effect of(MaintenanceState state, MaintenanceFields before, MaintenanceFields after, Instant now) {
        if (state.over()) {
            throw ProblemException.conflict("This maintenance is " + state.label() + ": it no longer changes.");
        }
        if (state == MaintenanceState.DRAFT) {
            return Effect.QUIET;
        }
        if (after.scopeDiffers(before)) {
            throw ProblemException.conflict("What an announced maintenance affects cannot change (its members were "
                    + "told): cancel it and plan another.");
        }
        if (state == MaintenanceState.IN_PROGRESS && !after.start().equals(before.start())) {
            throw ProblemException.conflict("This maintenance started already: its start no longer changes "
                    + "(its end may).");
        }
        if (state == MaintenanceState.ANNOUNCED && !after.start().equals(before.start())
                && !after.start().isAfter(now)) {
            throw new InvalidInputException(List.of(new Problem.FieldError("start",
                    "must be in the future for an announced maintenance")));
        }
        if (after.windowDiffers(before)) {
            return Effect.RESCHEDULED;
        }
        return after.textDiffers(before) ? Effect.UPDATED : Effect.QUIET;
    }
}
