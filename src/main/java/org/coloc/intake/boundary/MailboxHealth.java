package org.coloc.intake.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the mailbox is connected: without it, no mail comes in. */
@Readiness
@ApplicationScoped
public class MailboxHealth implements HealthCheck {

    @EJB
    MailboxWatcher watcher;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("mailbox")
                .status(watcher.isConnected())
                .withData("mailbox", watcher.describe())
                .withData("stored", watcher.storedCount())
                .withData("quarantined", watcher.quarantinedCount());
        if (watcher.lastError() != null) {
            b.withData("lastError", watcher.lastError());
        }
        if (watcher.lastCheck() != null) {
            b.withData("lastCheck", watcher.lastCheck().toString());
        }
        return b.build();
    }
}
