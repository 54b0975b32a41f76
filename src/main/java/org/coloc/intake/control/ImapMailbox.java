package org.coloc.intake.control;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One connection to the watched folder. Works at the protocol level on purpose: a whole batch is one
 * {@code UID FETCH}, the raw bytes arrive untouched (no MimeMessage objects piling up in the folder), and one
 * {@code UID MOVE} files a batch away.
 */
public class ImapMailbox implements AutoCloseable {

    /** Keyword set on processed messages when the server can neither move nor copy them. */
    static final String DONE_KEYWORD = "$ColocDone";

    private final MailboxSettings settings;
    private final java.util.Set<String> ignoredCapabilities;
    private Store store;
    private IMAPFolder folder;
    private boolean canMove;
    private boolean canUidExpunge;
    private boolean canIdle;

    public ImapMailbox(MailboxSettings settings) {
        this(settings, java.util.Set.of());
    }

    /** For tests: behave as if the server lacked some capabilities (e.g. MOVE), to exercise the fallbacks. */
    ImapMailbox(MailboxSettings settings, java.util.Set<String> ignoredCapabilities) {
        this.settings = settings;
        this.ignoredCapabilities = ignoredCapabilities;
    }

    public void open() throws MessagingException {
        Session session = Session.getInstance(settings.sessionProperties());
        store = session.getStore(settings.protocol());
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        ensureFolder(settings.processedFolder());
        ensureFolder(settings.quarantineFolder());
        folder = (IMAPFolder) store.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        folder.doCommand(p -> {
            canMove = has(p, "MOVE");
            canUidExpunge = has(p, "UIDPLUS");
            canIdle = has(p, "IDLE");
            return null;
        });
    }

    private boolean has(IMAPProtocol p, String capability) {
        return p.hasCapability(capability) && !ignoredCapabilities.contains(capability);
    }

    private void ensureFolder(String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
    }

    public boolean isOpen() {
        return folder != null && folder.isOpen();
    }

    public boolean supportsIdle() {
        return canIdle;
    }

    public long uidValidity() throws MessagingException {
        return folder.getUIDValidity();
    }

    /** Every message in the folder with its UID, size and whether it carries our done keyword. */
    public List<MailboxEntry> list() throws MessagingException {
        if (folder.getMessageCount() == 0) {
            return List.of();
        }
        List<MailboxEntry> entries = new ArrayList<>();
        run("UID FETCH 1:* (UID RFC822.SIZE FLAGS)", r -> {
            UID uid = r.getItem(UID.class);
            RFC822SIZE size = r.getItem(RFC822SIZE.class);
            FLAGS flags = r.getItem(FLAGS.class);
            if (uid != null && (flags == null || !flags.contains(jakarta.mail.Flags.Flag.DELETED))) {
                boolean done = flags != null && flags.contains(DONE_KEYWORD);
                entries.add(new MailboxEntry(uid.uid, size == null ? 0 : size.size, done));
            }
        });
        return entries;
    }

    /**
     * Whether a message with a UID above {@code uid} is in the folder: asked of the server itself, since what
     * arrived while we fetched or moved was announced then and will not be announced again during IDLE.
     */
    public boolean hasMailAfter(long uid) throws MessagingException {
        Object found = folder.doCommand(p -> {
            // "n:*" also matches the highest UID when it is below n, hence the check on each number
            Response[] responses = p.command("UID SEARCH UID " + (uid + 1) + ":* UNDELETED", null);
            boolean any = false;
            List<Response> others = new ArrayList<>();
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                    for (long n = ir.readLong(); n != -1; n = ir.readLong()) {
                        any |= n > uid;
                    }
                } else {
                    others.add(r);
                }
            }
            notify(p, others);
            p.handleResult(responses[responses.length - 1]);
            return any;
        });
        return Boolean.TRUE.equals(found);
    }

    /** The exact bytes of the given messages, in one round trip; messages gone meanwhile are simply absent. */
    public List<FetchedMail> fetch(List<Long> uids) throws MessagingException {
        List<FetchedMail> mails = new ArrayList<>(uids.size());
        if (uids.isEmpty()) {
            return mails;
        }
        run("UID FETCH " + UidSet.of(uids) + " (UID BODY.PEEK[])", r -> {
            UID uid = r.getItem(UID.class);
            BODY body = r.getItem(BODY.class);
            if (uid != null && body != null) {
                ByteArray ba = body.getByteArray();
                byte[] bytes = ba == null ? new byte[0] : copy(ba);
                mails.add(new FetchedMail(uid.uid, bytes));
            }
        });
        return mails;
    }

    private static byte[] copy(ByteArray ba) {
        byte[] out = new byte[ba.getCount()];
        System.arraycopy(ba.getBytes(), ba.getStart(), out, 0, ba.getCount());
        return out;
    }

    /**
     * Files messages away once the database holds them: MOVE where offered, else COPY + delete, else (a server
     * that cannot copy) our done keyword so they are not read again.
     */
    public void moveTo(List<Long> uids, String target) throws MessagingException {
        if (uids.isEmpty()) {
            return;
        }
        String set = UidSet.of(uids);
        String quoted = quote(target);
        if (canMove) {
            run("UID MOVE " + set + " " + quoted, r -> { });
            return;
        }
        try {
            run("UID COPY " + set + " " + quoted, r -> { });
        } catch (MessagingException copyFailed) {
            markDone(uids);
            return;
        }
        run("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", r -> { });
        if (canUidExpunge) {
            run("UID EXPUNGE " + set, r -> { });
        } else {
            run("EXPUNGE", r -> { });
        }
    }

    public void markDone(List<Long> uids) throws MessagingException {
        if (!uids.isEmpty()) {
            run("UID STORE " + UidSet.of(uids) + " +FLAGS.SILENT (" + DONE_KEYWORD + ")", r -> { });
        }
    }

    /** Waits for the server to announce something (IMAP IDLE), or until {@link #wakeUp()} is called. */
    public void idle() throws MessagingException {
        folder.idle(true);
    }

    /** Ends a running IDLE from another thread (any command on the folder aborts it) and checks the link. */
    public void wakeUp() throws MessagingException {
        if (folder != null) {
            folder.doCommand(p -> {
                p.simpleCommand("NOOP", null);
                return null;
            });
        }
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is being dropped anyway
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // same
        }
    }

    private interface FetchHandler {
        void accept(FetchResponse response) throws MessagingException;
    }

    private void run(String command, FetchHandler handler) throws MessagingException {
        folder.doCommand(p -> {
            Response[] responses = p.command(command, null);
            List<Response> others = new ArrayList<>();
            try {
                for (Response r : responses) {
                    if (r instanceof FetchResponse fr) {
                        handler.accept(fr);
                    } else {
                        others.add(r);
                    }
                }
            } catch (MessagingException e) {
                throw new ProtocolException(e.getMessage(), e);
            }
            // FETCH responses stay with us: handing them to the folder would make it cache a message object each
            notify(p, others);
            p.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    private static void notify(IMAPProtocol p, List<Response> responses) {
        if (!responses.isEmpty()) {
            p.notifyResponseHandlers(responses.toArray(new Response[0]));
        }
    }

    private static String quote(String mailboxName) {
        return "\"" + mailboxName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
