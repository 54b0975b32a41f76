package org.coloc.inventory.entity;

import java.time.Instant;

/**
 * An inventory record as the API edits it: it takes its checked input fields as a whole, the same way for a
 * replace and a merge patch (the patch is applied to its view first).
 *
 * @param <F> its input fields
 */
public interface Editable<F> {

    void apply(F fields, Instant now);
}
