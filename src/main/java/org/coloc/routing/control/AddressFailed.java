package org.coloc.routing.control;

/**
 * Fired, synchronously and inside the intake's transaction, when a bounce says our mail to {@code address}
 * failed for good (a delay does not count): whoever keeps that address (inventory's members) marks it.
 * {@code cause} says what reported it, for the change log (e.g. "coloc (bounce of case #3)").
 */
public record AddressFailed(String address, String status, String cause) {
}
