package org.coloc.intake.control;

/**
 * Delivery reports as real mail servers write them, shared by the classifier's unit test and {@code BounceIT} so
 * that both read the same words.
 */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    /**
     * The body of Exchange's "Delivery delayed" warning: prose for people only, no DSN part, and no status code
     * anywhere — the classifier must still see a bounce and a temporary failure.
     */
    public static String exchangeDelayBody(String recipient, String subject) {
        return """
                Delivery is delayed to these recipients or groups:

                %s

                Subject: %s

                This message hasn't been delivered yet. Delivery will continue to be attempted.

                The server will keep trying to deliver this message for the next 1 days, 19 hours and 55 minutes.
                You'll be notified if the message can't be delivered by that time.
                """.formatted(recipient, subject);
    }
}
