package org.coloc.inventory.boundary;

import java.time.LocalDate;

/** A certificate to renew: which VM, which domain, when it expires and in how many days (negative: expired). */
public record CertificateView(long vm, String vmName, String domain, LocalDate certificateExpires, long daysLeft) {
}
