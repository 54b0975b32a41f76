package org.coloc.inventory.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.inventory.control.InventorySettings;
import org.coloc.platform.ColocSettings;

/**
 * Once a day at 07:00 where the collective lives ({@code coloc.timezone}), mails the admin the certificates
 * that expire within {@code coloc.certificates.warn-days} (14 by default), so none lapses unnoticed.
 * Non-persistent timer: a restart loses nothing, the next day checks again. The timer is made at start rather
 * than declared with {@code @Schedule}, whose time zone would have to be a constant.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CertificateWatch {

    private static final Logger LOG = Logger.getLogger(CertificateWatch.class.getName());

    @EJB
    VirtualMachines vms;

    @EJB
    Outbox outbox;

    @Inject
    ColocSettings coloc;

    @Inject
    InventorySettings settings;

    @Resource
    TimerService timers;

    /** What was (or was not) queued for sending. */
    public record Report(int expiring, boolean sent, String to) {
    }

    @PostConstruct
    void scheduleDaily() {
        timers.createCalendarTimer(dailyAt(coloc.timezone()), new TimerConfig("daily certificate check", false));
    }

    /** Every day at 07:00 in the given zone. */
    static ScheduleExpression dailyAt(ZoneId zone) {
        return new ScheduleExpression().hour(7).minute(0).second(0).timezone(zone.getId());
    }

    @Timeout
    void daily() {
        try {
            sendReport();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Daily certificate check failed; it runs again tomorrow", e);
        }
    }

    public Report sendReport() {
        int days = settings.certificateWarnDays();
        List<CertificateView> expiring = vms.certificatesExpiring(days);
        String to = coloc.adminReportAddress();
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
                coloc.adminLanguage(), Map.of("count", expiring.size(), "days", days,
                        "certificates", list)));
        LOG.info(() -> "Certificate report queued for " + to + ": " + expiring.size() + " expiring");
        return new Report(expiring.size(), true, to);
    }
}
