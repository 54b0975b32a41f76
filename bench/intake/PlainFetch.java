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
 * Usage: java -cp ANGUS_CP PlainFetch.java HOST PORT USER PASSWORD [BATCH=500] [PASSES=2]
 * Each pass is a fresh connection and a full fetch of INBOX, timed from the open folder to the last byte.
 * Prints one line per pass, then: plain_fetch messages=N bytes=B passes=P msgs_per_s=BEST cold_msgs_per_s=FIRST
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

        int passes = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        double first = 0, best = 0;
        int count = 0;
        long bytes = 0;
        for (int pass = 1; pass <= passes; pass++) {
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
            count = 0;
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
            bytes = sink.bytes;
            double seconds = (tEnd - tOpen) / 1e9;
            double rate = count / seconds;
            System.out.printf(java.util.Locale.ROOT,
                    "plain_fetch_pass pass=%d messages=%d bytes=%d seconds=%.3f msgs_per_s=%.1f seconds_with_connect=%.3f%n",
                    pass, count, bytes, seconds, rate, (tEnd - t0) / 1e9);
            if (pass == 1) {
                first = rate;
            }
            best = Math.max(best, rate);
        }
        // msgs_per_s: best pass (JIT warm, as a long-running client would be); cold: the first pass in a fresh JVM
        System.out.printf(java.util.Locale.ROOT, "plain_fetch messages=%d bytes=%d passes=%d msgs_per_s=%.1f cold_msgs_per_s=%.1f%n",
                count, bytes, passes, best, first);
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
