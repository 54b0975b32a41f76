package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.coloc.platform.TlsMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol-level mailbox access against a real IMAP server (GreenMail), without the container. */
class ImapMailboxTest {

    private static final String USER = "coloc@coloc.test";
    private GreenMail greenMail;
    private MailboxSettings settings;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        greenMail.setUser(USER, USER, USER);
        settings = new MailboxSettings("127.0.0.1", greenMail.getImap().getPort(), TlsMode.NONE, USER, USER, "INBOX",
                "Coloc-Processed", "Coloc-Quarantine", Duration.ofSeconds(60), true, 1_000_000, 100,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void fetchReturnsTheExactBytesOfEveryMessageInOneBatch() throws Exception {
        byte[] a = mail("a@x", "Réponse");
        byte[] b = mail("b@x", "Deuxième");
        append(a, b);
        try (ImapMailbox box = new ImapMailbox(settings)) {
            box.open();
            List<MailboxEntry> entries = box.list();
            assertEquals(2, entries.size());
            assertEquals(a.length, entries.get(0).size());
            List<FetchedMail> fetched = box.fetch(entries.stream().map(MailboxEntry::uid).toList());
            assertEquals(2, fetched.size());
            assertArrayEquals(a, fetched.get(0).raw());
            assertArrayEquals(b, fetched.get(1).raw());
        }
    }

    @Test
    void moveFilesMessagesIntoTheProcessedFolder() throws Exception {
        append(mail("a@x", "un"), mail("b@x", "deux"), mail("c@x", "trois"));
        try (ImapMailbox box = new ImapMailbox(settings)) {
            box.open();
            List<Long> uids = box.list().stream().map(MailboxEntry::uid).toList();
            box.moveTo(uids.subList(0, 2), "Coloc-Processed");
            assertEquals(1, box.list().size());
        }
        assertEquals(2, count("Coloc-Processed"));
        assertEquals(1, count("INBOX"));
    }

    @Test
    void withoutMoveTheServerCopiesThenDeletes() throws Exception {
        append(mail("a@x", "un"), mail("b@x", "deux"));
        try (ImapMailbox box = new ImapMailbox(settings, Set.of("MOVE", "UIDPLUS"))) {
            box.open();
            List<Long> uids = box.list().stream().map(MailboxEntry::uid).toList();
            box.moveTo(uids, "Coloc-Quarantine");
            assertTrue(box.list().isEmpty());
        }
        assertEquals(2, count("Coloc-Quarantine"));
        assertEquals(0, count("INBOX"));
    }

    @Test
    void markedDoneMessagesAreRecognisedAsDone() throws Exception {
        append(mail("a@x", "un"), mail("b@x", "deux"));
        try (ImapMailbox box = new ImapMailbox(settings)) {
            box.open();
            long first = box.list().get(0).uid();
            box.markDone(List.of(first));
            List<MailboxEntry> entries = box.list();
            assertTrue(entries.get(0).done());
            assertTrue(!entries.get(1).done());
        }
    }

    @Test
    void mailArrivingAfterTheListingIsFoundBeforeGoingIdle() throws Exception {
        append(mail("a@x", "un"));
        try (ImapMailbox box = new ImapMailbox(settings)) {
            box.open();
            long highest = box.list().get(0).uid();
            assertFalse(box.hasMailAfter(highest), "nothing new yet");
            box.moveTo(List.of(highest), "Coloc-Processed");
            assertFalse(box.hasMailAfter(highest), "an empty folder has nothing above the last UID seen");
            // arrives while the batch is being committed and moved: announced then, not during the next IDLE
            append(mail("b@x", "deux"));
            assertTrue(box.hasMailAfter(highest));
            assertFalse(box.hasMailAfter(box.list().get(0).uid()));
        }
    }

    private static byte[] mail(String id, String subject) {
        return ("From: someone@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + ">\r\n\r\nCorps é\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void append(byte[]... raws) throws Exception {
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            Message[] messages = new Message[raws.length];
            for (int i = 0; i < raws.length; i++) {
                byte[] raw = raws[i];
                messages[i] = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)) {
                    @Override
                    public void writeTo(OutputStream os) throws IOException {
                        os.write(raw);
                    }
                };
            }
            inbox.appendMessages(messages);
        }
    }

    private int count(String folder) throws Exception {
        try (Store store = store()) {
            return store.getFolder(folder).getMessageCount();
        }
    }

    private Store store() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", settings.port(), USER, USER);
        return store;
    }
}
