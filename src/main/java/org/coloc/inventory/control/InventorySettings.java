package org.coloc.inventory.control;

import org.coloc.platform.SettingsReader;

/** The daily certificate report lists certificates expiring within {@code certificateWarnDays}. */
public record InventorySettings(int certificateWarnDays) {

    public static final String CERTIFICATE_WARN_DAYS = "coloc.certificates.warn-days";

    public static InventorySettings read(SettingsReader in) {
        return new InventorySettings(in.integer(CERTIFICATE_WARN_DAYS, 0, Integer.MAX_VALUE));
    }
}
