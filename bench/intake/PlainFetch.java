import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Baseline (a) of bench/intake: a plain Jakarta Mail (Angus) batch fetch of every message of INBOX.
 *
 * Opens INBOX read-only (EXAMINE: no flag changes, the mailbox stays as it is for the app run), lists the
 * messages by UID (UID FETCH 1:* (UID)), then fetches them in batches of 500 with a FetchProfile holding
 * IMAPFolder.FetchProfileItem.MESSAGE (Angus sends one FETCH <set> (BODY.PEEK[]) per batch and parses
 * each message into a MimeMessage), and reads every message's bytes with writeTo().
 *
 * Usage: java -cp ANGUS_CP PlainFetch.java HOST PORT USER PASSWORD [BATCH]
 * Prints one line: plain_fetch messages=N bytes=B seconds=S msgs_per_s=R
 */
public class PlainFetch {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String user = args[2];
        String password = args[3];
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 500;

        Properties props = new Properties();
        props.put("mail.imap.host", host);
        props.put("mail.imap.port", String.valueOf(port));
        props.put("mail.imap.peek", "true");
        props.put("mail.imap.partialfetch", "false");
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "120000");
        Session session = Session.getInstance(props);

        long t0 = System.nanoTime();
        Store store = session.getStore("imap");
        store.connect(host, port, user, password);
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        long tOpen = System.nanoTime();

        Message[] all = folder.getMessagesByUID(1, UIDFolder.LASTUID);
        FetchProfile fp = new FetchProfile();
        fp.add(IMAPFolder.FetchProfileItem.MESSAGE);
        CountingSink sink = new CountingSink();
        int count = 0;
        for (int from = 0; from < all.length; from += batch) {
            Message[] chunk = Arrays.copyOfRange(all, from, Math.min(all.length, from + batch));
            folder.fetch(chunk, fp);
            for (Message m : chunk) {
                m.writeTo(sink);
                count++;
            }
        }
        long tEnd = System.nanoTime();
        folder.close(false);
        store.close();

        double fetchSeconds = (tEnd - tOpen) / 1e9;
        double withConnect = (tEnd - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "plain_fetch messages=%d bytes=%d seconds=%.3f msgs_per_s=%.1f seconds_with_connect=%.3f%n",
                count, sink.bytes, fetchSeconds, count / fetchSeconds, withConnect);
    }

    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
