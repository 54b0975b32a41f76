package org.coloc.intake.control;

/** One decoded mailbox of an address header; {@code name} may be null, {@code address} is never null. */
public record MailAddress(String name, String address) {

    /** The form a person reads: {@code "Name <addr>"} or just the address. */
    public String display() {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }
}
