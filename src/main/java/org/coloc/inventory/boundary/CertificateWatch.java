package org.coloc.inventory.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.platform.ColocConfig;

/**
 * Once a day, mails the admin the certificates that expire within {@code coloc.certificates.warn-days}
 * (14 by default), so none lapses unnoticed. Non-persistent timer: a restart loses nothing, the next day
 * checks again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CertificateWatch {

    private static final Logger LOG = Logger.getLogger(CertificateWatch.class.getName());

    @EJB
    VirtualMachines vms;

    @EJB
    Outbox outbox;

    @Inject
    ColocConfig config;

    /** What was (or was not) queued for sending. */
    public record Report(int expiring, boolean sent, String to) {
    }

    @Schedule(hour = "7", minute = "0", timezone = "Europe/Paris", persistent = false, info = "daily certificate check")
    void daily() {
        try {
            sendReport();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Daily certificate check failed; it runs again tomorrow", e);
        }
    }

    public Report sendReport() {
        int days = config.integer("coloc.certificates.warn-days");
        List<CertificateView> expiring = vms.certificatesExpiring(days);
        String to = config.optional("coloc.admin.email").orElse(config.colocAddress());
        if (expiring.isEmpty()) {
            return new Report(0, false, to);
        }
        DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
        List<Map<String, Object>> list = expiring.stream().map(c -> Map.<String, Object>of(
                "domain", c.domain(),
                "vm", c.vmName(),
                "expires", c.certificateExpires().format(date),
                "expired", c.daysLeft() < 0,
                "daysLeft", c.daysLeft())).toList();
        outbox.queue(NewMail.template(OutboxKind.CERTIFICATE_REPORT, List.of(to), "certificates-expiring",
                config.string("coloc.admin.language"), Map.of("count", expiring.size(), "days", days,
                        "certificates", list)));
        LOG.info(() -> "Certificate report queued for " + to + ": " + expiring.size() + " expiring");
        return new Report(expiring.size(), true, to);
    }
}
