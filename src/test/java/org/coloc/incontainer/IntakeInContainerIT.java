package org.coloc.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.coloc.cases.boundary.Cases;
import org.coloc.intake.control.BatchCommit;
import org.coloc.intake.control.FetchedMail;
import org.coloc.intake.control.IntakeStore;
import org.coloc.intake.control.StoreOutcome;
import org.coloc.platform.ClockResource;
import org.coloc.platform.Clocks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the running application, on an in-memory Derby: what one intake transaction writes (a new case, its
 * acknowledgement in the outbox, all or nothing per batch, each mail once), and what the deadline sweeps write
 * once the application's clock has moved past a deadline. Mails go in through {@link IntakeStore}, as the mailbox
 * watcher hands them over; the tables are read back with plain SQL.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeInContainerIT {

    private static final long VALIDITY = 1;

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.of("intake-incontainer", Map.of(), PoisonedMails.class);
    }

    @Inject
    IntakeStore store;

    @Inject
    Cases cases;

    @Inject
    Clocks clocks;

    @Inject
    Clock clock;

    @Inject
    Event<ClockResource.ClockMoved> clockMoved;

    @Resource(lookup = "java:app/jdbc/coloc")
    DataSource db;

    @Test
    void aNewMailOpensACaseAndQueuesItsAcknowledgementInTheSameCommit() {
        String alice = TestMails.someone("alice");
        FetchedMail mail = TestMails.question(alice, "Server down " + UUID.randomUUID());

        Map<Long, StoreOutcome> outcomes = store.storeBatch("new-case", VALIDITY, List.of(mail));

        assertEquals(StoreOutcome.INGESTED, outcomes.get(mail.uid()));
        long number = caseOf(alice);
        Map<String, Object> c = tables().one("SELECT STATE, ID FROM SUPPORT_CASE WHERE CASE_NUMBER = ?", number);
        assertEquals(1, tables().count("SELECT COUNT(*) FROM CASE_MESSAGE WHERE CASE_ID = ? AND DIRECTION = 'incoming'",
                c.get("ID")), "the mail is in the case's thread");
        assertEquals(1, acknowledgementsTo(alice), "one acknowledgement queued for the requester");
        assertEquals(number, ((Number) tables().one("SELECT CASE_NUMBER FROM OUTBOX_MAIL WHERE FIRST_RECIPIENT = ?",
                alice).get("CASE_NUMBER")).longValue(), "the acknowledgement belongs to the new case");
        assertEquals(mail.uid(), store.lastUid("new-case", VALIDITY), "the mailbox checkpoint moved with the batch");
    }

    @Test
    void aMailThatCannotBeAppliedRollsItsBatchBackWholeAndTheOneByOneRetryKeepsTheOthers() {
        String token = UUID.randomUUID().toString();
        String bob = TestMails.someone("bob");
        String carol = TestMails.someone("carol");
        String mallory = TestMails.someone("mallory");
        FetchedMail first = TestMails.question(bob, "Disk full " + token);
        FetchedMail poisoned = TestMails.question(mallory, "Broken " + PoisonedMails.MARK + " " + token);
        FetchedMail last = TestMails.question(carol, "DNS question " + token);
        List<FetchedMail> batch = List.of(first, poisoned, last);

        assertThrows(RuntimeException.class, () -> store.storeBatch("rollback", VALIDITY, batch));

        assertEquals(0, tables().count("SELECT COUNT(*) FROM INBOUND_MAIL WHERE SUBJECT LIKE ?", "%" + token + "%"),
                "no mail of the failed batch is stored");
        assertEquals(0, tables().count("SELECT COUNT(*) FROM SUPPORT_CASE WHERE REQUESTER IN (?, ?, ?)", bob, carol,
                mallory), "no case of the failed batch is opened");
        assertEquals(0, acknowledgementsTo(bob) + acknowledgementsTo(carol) + acknowledgementsTo(mallory),
                "no acknowledgement of the failed batch is queued");
        assertEquals(0, store.lastUid("rollback", VALIDITY), "the checkpoint did not move");

        BatchCommit.Committed committed = BatchCommit.commit(new BatchCommit.Store() {
            @Override
            public Map<Long, StoreOutcome> storeBatch(List<FetchedMail> mails) {
                return store.storeBatch("rollback", VALIDITY, mails);
            }

            @Override
            public StoreOutcome storeQuarantined(FetchedMail mail, String reason) {
                return store.storeQuarantined("rollback", VALIDITY, mail, reason);
            }
        }, batch);

        assertEquals(Map.of(first.uid(), StoreOutcome.INGESTED, poisoned.uid(), StoreOutcome.QUARANTINED,
                last.uid(), StoreOutcome.INGESTED), committed.outcomes());
        caseOf(bob);
        caseOf(carol);
        assertEquals(1, acknowledgementsTo(bob));
        assertEquals(1, acknowledgementsTo(carol));
        assertEquals(0, tables().count("SELECT COUNT(*) FROM SUPPORT_CASE WHERE REQUESTER = ?", mallory),
                "the mail that failed opens no case");
        assertEquals(0, acknowledgementsTo(mallory));
        assertEquals("quarantined", tables().one("SELECT STATUS FROM INBOUND_MAIL WHERE SUBJECT LIKE ?",
                "%" + PoisonedMails.MARK + "%" + token + "%").get("STATUS"), "kept raw, with its reason, in quarantine");
        assertEquals(last.uid(), store.lastUid("rollback", VALIDITY));
    }

    @Test
    void aMailDeliveredTwiceIsStoredOnce() {
        String token = UUID.randomUUID().toString();
        String dave = TestMails.someone("dave");
        FetchedMail mail = TestMails.question(dave, "Backup " + token);
        FetchedMail copy = TestMails.again(mail);
        FetchedMail later = TestMails.again(mail);

        Map<Long, StoreOutcome> together = store.storeBatch("duplicates", VALIDITY, List.of(mail, copy));
        Map<Long, StoreOutcome> again = store.storeBatch("duplicates", VALIDITY, List.of(later));

        assertEquals(Map.of(mail.uid(), StoreOutcome.INGESTED, copy.uid(), StoreOutcome.DUPLICATE), together);
        assertEquals(Map.of(later.uid(), StoreOutcome.DUPLICATE), again);
        assertEquals(1, tables().count("SELECT COUNT(*) FROM INBOUND_MAIL WHERE SUBJECT LIKE ?", "%" + token + "%"));
        assertEquals(1, tables().count("SELECT COUNT(*) FROM SUPPORT_CASE WHERE REQUESTER = ?", dave));
        assertEquals(1, acknowledgementsTo(dave));
    }

    @Test
    void aCaseWaitingForTheAdminIsRemindedOncePastItsDeadline() {
        String erin = TestMails.someone("erin");
        store.storeBatch("reminders", VALIDITY, List.of(TestMails.question(erin, "VM slow " + UUID.randomUUID())));
        long number = caseOf(erin);

        sweep();
        assertEquals(0, remindersNaming(number), "not due yet");

        clocks.advance(Duration.ofDays(3).plusHours(1));
        sweep();
        assertEquals(1, remindersNaming(number), "one reminder once remind-after-days have passed");

        sweep();
        assertEquals(1, remindersNaming(number), "a second sweep does not remind again");
    }

    @Test
    void aCaseWhoseRequesterStaysSilentIsClosedOnceWithACourteousMail() {
        String frank = TestMails.someone("frank");
        store.storeBatch("closing", VALIDITY, List.of(TestMails.question(frank, "Mail bounce " + UUID.randomUUID())));
        long number = caseOf(frank);
        cases.reply(number, "Could you send us the bounce you got?", "admin");
        assertEquals("waiting-requester", stateOf(number));

        sweep();
        assertEquals("waiting-requester", stateOf(number), "not closed before close-after-days");

        clocks.advance(Duration.ofDays(21).plusHours(1));
        sweep();
        assertEquals("closed", stateOf(number));
        assertEquals(1, closingMails(number), "one courteous closing mail to the requester");
        assertEquals(frank, tables().one("SELECT FIRST_RECIPIENT FROM OUTBOX_MAIL WHERE KIND = 'closing' "
                + "AND CASE_NUMBER = ?", number).get("FIRST_RECIPIENT"));

        sweep();
        assertEquals(1, closingMails(number), "a second sweep sends no second closing mail");
    }

    /** As after POST /api/clock: the case timers sweep at once (serialised with their own minute timer). */
    private void sweep() {
        clockMoved.fire(new ClockResource.ClockMoved(clock.instant()));
    }

    private long caseOf(String requester) {
        return ((Number) tables().one("SELECT CASE_NUMBER FROM SUPPORT_CASE WHERE REQUESTER = ?", requester)
                .get("CASE_NUMBER")).longValue();
    }

    private String stateOf(long number) {
        return (String) tables().one("SELECT STATE FROM SUPPORT_CASE WHERE CASE_NUMBER = ?", number).get("STATE");
    }

    private long acknowledgementsTo(String address) {
        return tables().count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'acknowledgement' AND FIRST_RECIPIENT = ?",
                address);
    }

    private long closingMails(long number) {
        return tables().count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE KIND = 'closing' AND CASE_NUMBER = ?", number);
    }

    /** Reminders are one digest for all due cases: those whose list names this case. */
    private long remindersNaming(long number) {
        return tables().rows("SELECT BODY FROM OUTBOX_MAIL WHERE KIND = 'reminder'").stream()
                .filter(r -> String.valueOf(r.get("BODY")).contains("#" + number + " ")).count();
    }

    private Tables tables() {
        return new Tables(db);
    }
}
