package org.coloc.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.boundary.OutboxRows;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.control.OutgoingMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.outbox.control.OutboxSettings;
import org.coloc.outbox.control.SmtpSettings;
import org.coloc.platform.Settings;
import org.coloc.platform.SettingsProblem;
import org.coloc.platform.SettingsReader;
import org.coloc.platform.TlsMode;
import org.eclipse.microprofile.config.Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the running application, on an in-memory Derby, with an SMTP server that is down (a port nothing listens
 * on): the real sender backs off and gives up after {@code coloc.outbox.give-up-after}; then, with the sender's
 * timer stopped, the claim: one sender gets a mail, two senders racing never get the same one.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxInContainerIT {

    /** Written in the settings below: the OutboxSender takes it from there. */
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(2);
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.of("outbox-incontainer", Map.of(
                "coloc.smtp.host", "127.0.0.1",
                "coloc.smtp.port", Integer.toString(InContainerDeployment.freePort()),
                "coloc.smtp.tls", "none",
                "coloc.outbox.give-up-after", GIVE_UP_AFTER.toString()), OutboxDrainPause.class);
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRows rows;

    @Inject
    OutboxDrainPause drain;

    @Inject
    TestClock time;

    @Inject
    Transactions transactions;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:app/jdbc/coloc")
    DataSource db;

    @Inject
    SmtpSettings smtp;

    @Inject
    OutboxSettings outboxSettings;

    @Inject
    Config config;

    /**
     * The settings seam: what the beans are given is the deployment's configuration, read once and typed; and the
     * same check that refuses a start (run here on the live configuration, with an IMAP host added) names the
     * IMAP-without-SMTP mistake it guards against.
     */
    @Test
    @Order(0)
    void theBeansGetTheDeploymentsSettingsTypedAndTheStartCheckReadsTheSameSource() {
        assertFalse(smtp.local(), "an SMTP host is configured: mail goes there, not to the built-in mailbox");
        assertEquals("127.0.0.1", smtp.host());
        assertEquals(config.getValue("coloc.smtp.port", Integer.class), smtp.port());
        assertEquals(TlsMode.NONE, smtp.tls());
        assertEquals(GIVE_UP_AFTER, outboxSettings.giveUpAfter());

        Settings.Read live = Settings.read(new SettingsReader(key -> config.getOptionalValue(key, String.class)));
        assertTrue(live.ok(), () -> SettingsProblem.message(live.problems()));

        Settings.Read withoutSmtp = Settings.read(new SettingsReader(key -> switch (key) {
            case "coloc.imap.host" -> java.util.Optional.of("imap.example.org");
            case "coloc.smtp.host" -> java.util.Optional.empty();
            default -> config.getOptionalValue(key, String.class);
        }));
        assertFalse(withoutSmtp.ok());
        assertTrue(withoutSmtp.problems().stream().anyMatch(p -> p.keys().containsAll(List.of("coloc.imap.host",
                "coloc.smtp.host"))), () -> SettingsProblem.message(withoutSmtp.problems()));
    }

    @Test
    @Order(1)
    void aSendThatFailsIsTriedAgainLaterAndGivenUpAfterTheConfiguredTime() throws Exception {
        String to = TestMails.someone("grace");
        queue(to);

        Map<String, Object> first = await(to, r -> ((Number) r.get("ATTEMPTS")).intValue() >= 1);
        assertEquals("queued", first.get("STATUS"), "a temporary failure leaves the mail queued");
        assertTrue(String.valueOf(first.get("LAST_ERROR")).contains("unreachable"), String.valueOf(first.get("LAST_ERROR")));
        Duration wait = Duration.between((Instant) first.get("CREATED_AT"), (Instant) first.get("NEXT_ATTEMPT_AT"));
        assertTrue(wait.compareTo(Duration.ofSeconds(5)) >= 0, "the next attempt waits: " + wait);
        assertEquals("pending", recipientOf(to).get("STATUS"));

        time.advance(GIVE_UP_AFTER.plusMinutes(1));

        Map<String, Object> last = await(to, r -> !"queued".equals(r.get("STATUS")) && !"sending".equals(r.get("STATUS")));
        assertEquals("failed", last.get("STATUS"));
        assertTrue(String.valueOf(recipientOf(to).get("ERROR")).startsWith("gave up after " + GIVE_UP_AFTER),
                String.valueOf(recipientOf(to).get("ERROR")));
        assertEquals("failed", recipientOf(to).get("STATUS"));
    }

    @Test
    @Order(2)
    void aQueuedMailIsClaimedOnceAndDueAgainWhenItsLeaseEnds() throws Exception {
        pauseTheRealSender();
        String to = TestMails.someone("heidi");
        long id = queue(to);
        Instant now = time.now();

        assertTrue(rows.due(now).contains(id));
        assertTrue(rows.claim(id, now, now.plus(LEASE)), "the first claim gets it");
        assertFalse(rows.claim(id, now, now.plus(LEASE)), "a second claim does not");
        assertFalse(rows.due(now).contains(id), "claimed: not due while its lease runs");
        OutgoingMail pending = rows.pending(id);
        assertNotNull(pending);
        assertEquals(List.of(to), pending.to());
        assertEquals("sending", row(to).get("STATUS"));

        Instant afterLease = now.plus(LEASE).plusSeconds(1);
        assertTrue(rows.due(afterLease).contains(id), "a sender that died mid-send lets it go when the lease ends");
        assertTrue(rows.claim(id, afterLease, afterLease.plus(LEASE)));
    }

    @Test
    @Order(3)
    void twoSendersDrainingAtOnceNeverClaimTheSameMail() throws Exception {
        pauseTheRealSender();
        List<Long> queued = queueToMany("ivan", 30);
        claimedOnceEach(queued, "senders", this::claimAllDue, this::claimAllDue);
        assertEquals(30, tables().count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE STATUS = 'sending' AND FIRST_RECIPIENT "
                + "LIKE 'ivan%'"));
    }

    /**
     * Issue 10: the drain claims due mail by batches. Two drains reading the same due list and claiming it as a
     * batch at the same moment get disjoint shares that together are every mail: each is sent once.
     */
    @Test
    @Order(4)
    void twoDrainsClaimingOverlappingBatchesAtOnceShareTheMailWithoutOverlap() throws Exception {
        pauseTheRealSender();
        List<Long> queued = queueToMany("judy", 40);
        // one takes the list as read, the other backwards: overlapping batches taken in opposite orders
        Set<Long> claimed = claimedOnceEach(queued, "drains",
                (now, bothRead) -> claimBatch(now, bothRead, false), (now, bothRead) -> claimBatch(now, bothRead, true));
        assertEquals(Map.of(), rows.pending(queued.stream().filter(id -> !claimed.contains(id)).toList()));
        assertEquals(queued.size(), rows.pending(queued).size(), "each claimed mail is read back to be sent");
        assertEquals(40, tables().count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE STATUS = 'sending' AND FIRST_RECIPIENT "
                + "LIKE 'judy%'"));
    }

    /** A batch the drain could not try (SMTP unreachable) is given back: due again at once, not after the lease. */
    @Test
    @Order(5)
    void claimedMailNotTriedIsGivenBackDueAtOnce() throws Exception {
        pauseTheRealSender();
        long id = queue(TestMails.someone("kim"));
        Instant now = time.now();
        Instant until = now.plus(LEASE);
        assertEquals(List.of(id), rows.claim(List.of(id), now, until));
        assertFalse(rows.due(now).contains(id));
        assertEquals(0, rows.release(List.of(id), until.plusSeconds(1), now), "not under another lease");
        assertEquals(1, rows.release(List.of(id), until, now));
        assertTrue(rows.due(now).contains(id), "due again without waiting for the lease");
        assertEquals("queued", tables().one("SELECT STATUS FROM OUTBOX_MAIL WHERE ID = ?", id).get("STATUS"));
    }

    /** How a sender claims what it reads due at {@code now}, once the other has read too ({@code bothRead}). */
    private interface Claimer {
        Collection<Long> claim(Instant now, CountDownLatch bothRead) throws InterruptedException;
    }

    /**
     * Runs two claimers at once, both reading the same due list before either claims, like two instances waking
     * at the same second; checks that no mail went to both and every queued one to one of them. All they claimed.
     */
    private Set<Long> claimedOnceEach(List<Long> queued, String who, Claimer first, Claimer second) throws Exception {
        Instant now = time.now();
        CountDownLatch bothRead = new CountDownLatch(2);
        Future<Collection<Long>> one = executor.submit(() -> first.claim(now, bothRead));
        Future<Collection<Long>> two = executor.submit(() -> second.claim(now, bothRead));
        Collection<Long> mine = one.get(60, TimeUnit.SECONDS);
        Collection<Long> theirs = two.get(60, TimeUnit.SECONDS);

        Set<Long> both = new HashSet<>(mine);
        both.retainAll(theirs);
        assertEquals(Set.of(), both, "no mail claimed by both " + who);
        Set<Long> claimed = new HashSet<>(mine);
        claimed.addAll(theirs);
        assertTrue(claimed.containsAll(queued), "every due mail claimed by one of them");
        return claimed;
    }

    private List<Long> claimBatch(Instant now, CountDownLatch bothRead, boolean backwards) throws InterruptedException {
        List<Long> due = new ArrayList<>(rows.due(now, 100));
        if (backwards) {
            java.util.Collections.reverse(due);
        }
        bothRead.countDown();
        bothRead.await(30, TimeUnit.SECONDS);
        return rows.claim(due, now, now.plus(LEASE));
    }

    private Set<Long> claimAllDue(Instant now, CountDownLatch bothRead) throws InterruptedException {
        List<Long> due = rows.due(now);
        bothRead.countDown();
        bothRead.await(30, TimeUnit.SECONDS);
        Set<Long> claimed = new HashSet<>();
        for (Long id : due) {
            if (rows.claim(id, now, now.plus(LEASE))) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    private void pauseTheRealSender() throws InterruptedException {
        if (drain.drainScheduled()) {
            assertTrue(drain.pause(), "the outbox drain timer is stopped");
            // a round already running finishes within its two seconds
            Thread.sleep(3000);
        }
    }

    /** Queues one mail in a transaction of its own, as a change in the application would; its outbox id. */
    private long queue(String to) throws Exception {
        return queueEach(List.of(to)).get(0);
    }

    /** One mail to each of {@code count} people, {@code name}0, {@code name}1, …; their outbox ids. */
    private List<Long> queueToMany(String name, int count) throws Exception {
        return queueEach(IntStream.range(0, count).mapToObj(i -> TestMails.someone(name + i)).toList());
    }

    /** One mail to each, all in one transaction; their outbox ids. */
    private List<Long> queueEach(List<String> recipients) throws Exception {
        transactions.inTransaction(() -> {
            for (String to : recipients) {
                outbox.queue(NewMail.written(OutboxKind.NOTICE, List.of(to), "About your VM", "It is up again.")
                        .aboutNotice(1, 1));
            }
            return null;
        });
        List<Long> ids = new ArrayList<>();
        recipients.forEach(r -> ids.addAll(ids(r)));
        return ids;
    }

    private List<Long> ids(String to) {
        return tables().rows("SELECT ID FROM OUTBOX_MAIL WHERE FIRST_RECIPIENT = ?", to).stream()
                .map(r -> ((Number) r.get("ID")).longValue()).toList();
    }

    private Map<String, Object> row(String to) {
        return tables().one("SELECT * FROM OUTBOX_MAIL WHERE FIRST_RECIPIENT = ?", to);
    }

    private Map<String, Object> recipientOf(String to) {
        return tables().one("SELECT r.STATUS, r.ERROR FROM OUTBOX_RECIPIENT r JOIN OUTBOX_MAIL o ON r.MAIL_ID = o.ID "
                + "WHERE o.FIRST_RECIPIENT = ?", to);
    }

    /** The sender runs every two seconds: waits for the row to reach the state the test is after. */
    private Map<String, Object> await(String to, Predicate<Map<String, Object>> reached) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Object> r = row(to);
        while (!reached.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox row never reached the expected state: " + r);
            }
            Thread.sleep(200);
            r = row(to);
        }
        return r;
    }

    private Tables tables() {
        return new Tables(db);
    }
}
