package org.coloc.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.coloc.cases.boundary.CaseSummary;
import org.coloc.cases.boundary.Cases;
import org.coloc.intake.control.BatchCommit;
import org.coloc.intake.control.FetchedMail;
import org.coloc.intake.control.IntakeStore;
import org.coloc.intake.control.StoreOutcome;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.outbox.control.NewMail;
import org.coloc.outbox.entity.OutboxKind;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
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
    TestClock time;

    @Resource(lookup = "java:app/jdbc/coloc")
    DataSource db;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    /**
     * Issue 10, on the real beans and schema (migration 6): a member's answers to any notice of a maintenance land
     * in one case linked to it and to the member — also two answers in one batch —, acknowledged once; her
     * out-of-office joins it unanswered; a bounce of a notice marks her address failing on it; a stranger naming the
     * notice is no member; the case list filters by maintenance.
     */
    @Test
    void answersToTheNoticesOfAMaintenanceLandInTheOneCaseOfItsMaintenanceAndMember() throws Exception {
        String gina = TestMails.someone("gina");
        String mallory = TestMails.someone("mallory");
        long maintenance = 770 + (System.nanoTime() & 0xff);
        String announcement = notice(maintenance, 7, gina, "Maintenance de h1 dimanche");
        String reminder = notice(maintenance, 7, gina, "Rappel : maintenance de h1 dimanche");

        // her first two answers arrive in one batch: one case, one acknowledgement
        store.storeBatch("notices", VALIDITY, List.of(
                answer(gina, announcement, List.of(announcement), "Re: Maintenance de h1 dimanche", "Dimanche ? Ok."),
                answer(gina, reminder, List.of(announcement, reminder), "Re: Rappel", "Et mes sauvegardes ?")));
        Map<String, Object> c = tables().one("SELECT ID, CASE_NUMBER, MAINTENANCE_ID, MEMBER_ID, STATE FROM SUPPORT_CASE "
                + "WHERE REQUESTER = ?", gina);
        long number = ((Number) c.get("CASE_NUMBER")).longValue();
        assertEquals(maintenance, ((Number) c.get("MAINTENANCE_ID")).longValue());
        assertEquals(7L, ((Number) c.get("MEMBER_ID")).longValue());
        assertEquals(2, tables().count("SELECT COUNT(*) FROM CASE_MESSAGE WHERE CASE_ID = ? AND DIRECTION = 'incoming'",
                c.get("ID")));
        assertEquals(1, acknowledgementsTo(gina), "the member knows the admin got it, once");

        // closed, then answered again from a later notice: the same case, reopened
        cases.change(number, org.coloc.cases.entity.CaseState.CLOSED, null, null, false);
        String started = notice(maintenance, 7, gina, "Maintenance de h1 commencée");
        store.storeBatch("notices", VALIDITY, List.of(answer(gina, started, List.of(announcement, started),
                "Re: Maintenance de h1 commencée", "Merci de prévenir.")));
        assertEquals(1, tables().count("SELECT COUNT(*) FROM SUPPORT_CASE WHERE MAINTENANCE_ID = ?", maintenance));
        assertEquals("waiting-admin", stateOf(number));

        // a stranger naming the notice is not the member: as anybody naming a mail of a case, never a participant
        store.storeBatch("notices", VALIDITY, List.of(answer(mallory, reminder, List.of(reminder), "Re: Rappel",
                "Donnez-moi les accès.")));
        assertEquals(1, tables().count("SELECT COUNT(*) FROM SUPPORT_CASE WHERE MAINTENANCE_ID = ?", maintenance));
        assertEquals(0, tables().count("SELECT COUNT(*) FROM SUPPORT_CASE WHERE REQUESTER = ? AND MAINTENANCE_ID "
                + "IS NOT NULL", mallory));
        assertEquals(0, tables().count("SELECT COUNT(*) FROM CASE_PARTICIPANT WHERE CASE_ID = ? AND ADDRESS = ?",
                c.get("ID"), mallory));

        // her out-of-office joins the case and is never answered
        long incomingBefore = tables().count("SELECT COUNT(*) FROM CASE_MESSAGE WHERE CASE_ID = ? AND DIRECTION = "
                + "'incoming'", c.get("ID"));
        long outgoingBefore = tables().count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE FIRST_RECIPIENT = ?", gina);
        store.storeBatch("notices", VALIDITY, List.of(TestMails.fetched(("From: " + gina + "\r\nTo: coloc@localhost"
                + "\r\nSubject: Absence\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.org>\r\nIn-Reply-To: <" + reminder + ">\r\n\r\nAbsente.\r\n")
                .getBytes(StandardCharsets.UTF_8))));
        assertEquals(incomingBefore + 1, tables().count("SELECT COUNT(*) FROM CASE_MESSAGE WHERE CASE_ID = ? "
                + "AND DIRECTION = 'incoming'", c.get("ID")));
        assertEquals(outgoingBefore, tables().count("SELECT COUNT(*) FROM OUTBOX_MAIL WHERE FIRST_RECIPIENT = ?", gina));

        // a bounce of a notice marks her address failing on the case
        String dsn = "From: MAILER-DAEMON@mx.example.org\r\nTo: coloc@localhost\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + UUID.randomUUID() + "@mx.example.org>\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + gina + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: coloc@localhost\r\nTo: " + gina
                + "\r\nMessage-ID: <" + started + ">\r\n\r\n--B--\r\n";
        store.storeBatch("notices", VALIDITY, List.of(TestMails.fetched(dsn.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, tables().count("SELECT COUNT(*) FROM CASE_FAILING_ADDRESS WHERE CASE_ID = ? AND ADDRESS LIKE ?",
                c.get("ID"), gina + "%"));

        Page<CaseSummary> listed = cases.list(Paging.of(null, null), null, null, Long.toString(maintenance), null);
        assertEquals(1, listed.total());
        assertEquals(number, listed.items().get(0).number());
        assertEquals(Long.valueOf(maintenance), listed.items().get(0).maintenance());
        assertEquals(Long.valueOf(maintenance), cases.get(number).maintenance());
    }

    /** A notice of the maintenance to the member, queued as the maintenance component queues one; its Message-ID. */
    private String notice(long maintenance, long member, String to, String subject) throws Exception {
        return transactions.inTransaction(() -> outbox.queue(NewMail.written(OutboxKind.NOTICE, List.of(to),
                subject, "Dimanche 1 h 30.").aboutNotice(maintenance, member)).messageId());
    }

    private static FetchedMail answer(String from, String inReplyTo, List<String> references, String subject,
            String text) {
        String raw = "From: Someone <" + from + ">\r\nTo: coloc@localhost\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@example.org>\r\nIn-Reply-To: <" + inReplyTo + ">\r\nReferences: "
                + String.join(" ", references.stream().map(r -> "<" + r + ">").toList())
                + "\r\nDate: Sun, 29 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text
                + "\r\n";
        return TestMails.fetched(raw.getBytes(StandardCharsets.UTF_8));
    }

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

        time.sweep();
        assertEquals(0, remindersNaming(number), "not due yet");

        time.advance(Duration.ofDays(3).plusHours(1));
        time.sweep();
        assertEquals(1, remindersNaming(number), "one reminder once remind-after-days have passed");

        time.sweep();
        assertEquals(1, remindersNaming(number), "a second sweep does not remind again");
    }

    @Test
    void aCaseWhoseRequesterStaysSilentIsClosedOnceWithACourteousMail() {
        String frank = TestMails.someone("frank");
        store.storeBatch("closing", VALIDITY, List.of(TestMails.question(frank, "Mail bounce " + UUID.randomUUID())));
        long number = caseOf(frank);
        cases.reply(number, "Could you send us the bounce you got?", "admin");
        assertEquals("waiting-requester", stateOf(number));

        time.sweep();
        assertEquals("waiting-requester", stateOf(number), "not closed before close-after-days");

        time.advance(Duration.ofDays(21).plusHours(1));
        time.sweep();
        assertEquals("closed", stateOf(number));
        assertEquals(1, closingMails(number), "one courteous closing mail to the requester");
        assertEquals(frank, tables().one("SELECT FIRST_RECIPIENT FROM OUTBOX_MAIL WHERE KIND = 'closing' "
                + "AND CASE_NUMBER = ?", number).get("FIRST_RECIPIENT"));

        time.sweep();
        assertEquals(1, closingMails(number), "a second sweep sends no second closing mail");
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
