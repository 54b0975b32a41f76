package org.coloc.intake.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides the {@link MailKind} of a parsed mail. Pure code. Order matters: a mail of our own coming back must
 * never be answered, a bounce is auto-submitted too but says more, and list traffic is the weakest signal.
 */
public class MailClassifier {

    /** Subjects only MTAs write; enough on their own unless a person is replying to or forwarding one. */
    private static final List<String> BOUNCE_SUBJECTS = List.of(
            "undelivered mail returned to sender", "delivery status notification (failure)",
            "delivery status notification (delay)", "mail delivery failed", "returned mail:", "returned mail",
            "failure notice", "undeliverable:", "undeliverable mail", "undeliverable message", "non remis",
            "mail rejete", "mail rejeté", "delivery failure", "delivery failed", "message not delivered",
            "delivery notification", "nondeliverable", "non-deliverable", "mail system error",
            "delivery has failed", "unzustellbar", "notificación de estado de entrega", "warning: could not send",
            "could not send message", "message delivery failure", "returned to sender", "mail delivery system",
            "delivery problem", "undelivered mail", "delivery error", "unable to deliver", "undeliverable",
            "mail could not be delivered", "rejected:", "permanent error", "delivery report",
            "email address possibly incorrect", "nicht zustellbar", "notice of delivery failure",
            "message delayed", "delayed mail", "warning: message", "mail delivery problem",
            "delivery status notification", "returning to sender", "mail failed", "complaint about message",
            "メールエラー", "配信エラー", "errors from", "delivery delayed", "delivery is delayed");

    /** Verbatim MTA subjects: with bounce wording in the body they suffice even without a daemon sender. */
    private static final List<String> MTA_SUBJECTS = List.of("undelivered mail returned to sender",
            "delivery status notification", "mail delivery failed", "returned mail:", "failure notice",
            "undeliverable:", "non remis", "mail rejete", "mail rejeté", "returning to sender", "nondeliverable",
            "non-deliverable", "unzustellbar", "nicht zustellbar", "message not delivered");

    private static final List<String> DAEMON_SENDERS = List.of("mailer-daemon", "postmaster",
            "mail delivery subsystem", "mail delivery system", "mailer daemon", "mail administrator", "post_master");

    private static final List<String> BOUNCE_PHRASES = List.of("could not be delivered", "delivery has failed",
            "permanent error", "user unknown", "does not exist", "mailbox unavailable", "undeliverable",
            "delivery to the following recipient", "the following address", "was not delivered",
            "returned to sender", "mailbox full", "quota exceeded", "recipient address rejected",
            "delivery failed", "unable to deliver", "could not deliver", "not be delivered",
            "delivery status notification", "no such user", "host not found", "message could not",
            "550 ", "554 ", "553 ", "552 ", "5.1.1", "5.0.0", "rejected", "will keep trying",
            "delivery will continue to be attempted", "hasn't been delivered yet", "still undelivered",
            "delivery is delayed to", "has not yet been delivered");

    private static final List<String> AUTO_SUBJECT_PREFIXES = List.of("out of office", "out of the office",
            "automatic reply", "auto:", "autoreply", "auto-reply", "auto reply", "auto response", "autoresponse",
            "réponse automatique", "reponse automatique", "absence", "abwesend", "abwesenheit", "vacation",
            "respuesta automática", "respuesta automatica", "risposta automatica", "automatische antwort",
            "on vacation", "away from", "i am out of", "i'm out of", "fuera de la oficina", "niet aanwezig",
            "automatisch antwoord", "auto-response", "[auto-reply]", "automatyczna odpowiedź");

    private static final List<String> AUTO_SUBJECT_ANYWHERE = List.of("autoreply:", "auto-reply:", "automatic reply",
            "out of office", "réponse automatique", "abwesenheitsnotiz", "respuesta automática");

    private final String ownAddress;

    /** @param ownAddress the coloc address: mail from it is our own coming back */
    public MailClassifier(String ownAddress) {
        this.ownAddress = ownAddress;
    }

    public Classification classify(ParsedMail mail) {
        if (mail.from() != null && ownAddress != null && mail.from().address().equalsIgnoreCase(ownAddress.trim())) {
            return Classification.of(MailKind.LOOP, "sent from our own address");
        }
        if (mail.header("X-Coloc-Loop") != null) {
            return Classification.of(MailKind.LOOP, "X-Coloc-Loop header: our own mail came back");
        }
        Classification bounce = bounce(mail);
        if (bounce != null) {
            return bounce;
        }
        String autoReason = autoReply(mail);
        if (autoReason != null) {
            return Classification.of(MailKind.AUTO_REPLY, autoReason);
        }
        String listReason = list(mail);
        if (listReason != null) {
            return Classification.of(MailKind.LIST, listReason);
        }
        return Classification.of(MailKind.HUMAN, "no automatic or list marker");
    }

    private Classification bounce(ParsedMail mail) {
        ContentType ct = ContentType.parse(mail.header("Content-Type"), ContentType.TEXT_PLAIN);
        String reportType = lower(ct.param("report-type"));
        ParsedAttachment dsn = attachment(mail, "message/delivery-status", "message/global-delivery-status");
        if (reportType.equals("feedback-report") || attachment(mail, "message/feedback-report") != null) {
            return new Classification(MailKind.BOUNCE, null, null, "feedback report (ARF)");
        }
        List<String> notRecipients = reportAddresses(mail);
        if (dsn != null || (ct.is("multipart/report") && reportType.contains("delivery-status"))) {
            DeliveryReport r = dsn == null ? new DeliveryReport(null, null, List.of())
                    : DeliveryReport.fromDeliveryStatus(dsn.content());
            DeliveryReport text = DeliveryReport.fromText(mail.text(), mail.header("X-Failed-Recipients"), notRecipients);
            boolean delayed = r.delayedNotFailed() || r.actions().isEmpty() && isDelayWarning(mail);
            boolean nobodyFailed = r.onlyNonFailures() && !r.delayedNotFailed();
            String rcpt = nobodyFailed ? null : r.failedRecipient() != null ? r.failedRecipient() : text.failedRecipient();
            String status = r.status() != null ? r.status() : text.status();
            String reason = r.onlyNonFailures() ? "delivery status report (" + String.join(", ", r.actions()) + ")"
                    : "delivery status notification (RFC 3464)";
            return new Classification(MailKind.BOUNCE, rcpt, delayed ? DeliveryReport.temporary(status) : status, reason);
        }
        String subject = lower(mail.subject()).strip();
        boolean replyOrForward = isReplyOrForward(subject);
        boolean bounceSubject = !replyOrForward && containsAny(subject, BOUNCE_SUBJECTS);
        String fromText = lower(mail.header("From"));
        boolean daemon = containsAny(fromText, DAEMON_SENDERS);
        String returnPath = mail.header("Return-Path");
        boolean nullSender = returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty();
        String body = lower(head(mail.text(), 20_000));
        boolean bounceText = containsAny(body, BOUNCE_PHRASES);
        boolean enclosed = attachment(mail, "message/rfc822", "text/rfc822-headers", "message/global",
                "message/global-headers") != null;
        String why = null;
        boolean mailerDaemon = fromText.contains("mailer-daemon") || fromText.contains("mail delivery s");
        if (mailerDaemon && !replyOrForward) {
            why = "sent by a mailer daemon";
        } else if (daemon && (bounceSubject || bounceText || enclosed)) {
            why = "sent by a mailer daemon";
        } else if (bounceSubject && (nullSender || enclosed || mail.header("X-Failed-Recipients") != null
                || (bounceText && containsAny(subject, MTA_SUBJECTS)))) {
            why = "bounce subject: " + head(mail.subject(), 60);
        } else if (mail.header("X-Failed-Recipients") != null && !replyOrForward) {
            why = "X-Failed-Recipients header";
        } else if (nullSender && bounceText && enclosed && !replyOrForward) {
            why = "null sender returning a message";
        }
        if (why == null) {
            return null;
        }
        DeliveryReport r = DeliveryReport.fromText(mail.text(), mail.header("X-Failed-Recipients"), notRecipients);
        String status = isDelayWarning(mail) ? DeliveryReport.temporary(r.status()) : r.status();
        return new Classification(MailKind.BOUNCE, r.failedRecipient(), status, why);
    }

    /** Wording of delay warnings ("still trying"): such a report must never read as a permanent failure. */
    private static final List<String> DELAY_PHRASES = List.of("will keep trying", "will continue trying",
            "still trying", "will be retried", "will continue to be attempted", "still undelivered",
            "not yet been delivered", "hasn't been delivered yet", "has not been delivered yet", "has been delayed",
            "delivery delayed", "delivery is delayed", "delivery has been delayed", "still being retried",
            "warning message only", "do not need to resend", "delivery attempts will continue",
            "will try again", "will retry", "temporarily deferred");

    private static final List<String> DELAY_SUBJECTS = List.of("delay", "warning: could not send message for past",
            "still undelivered", "verzögert", "retardé", "retrasado");

    /** A report that delivery is only late: by its subject or by the notice's own words. */
    static boolean isDelayWarning(ParsedMail mail) {
        String subject = lower(mail.subject());
        if (containsAny(subject, DELAY_SUBJECTS)) {
            return true;
        }
        String notice = lower(head(mail.text(), 8_000));
        return containsAny(notice, DELAY_PHRASES) && !notice.contains("permanent") && !notice.contains("given up")
                && !notice.contains("giving up");
    }

    /** The report's own sender and addressees: never the failed recipient (that would be its author or us). */
    private static List<String> reportAddresses(ParsedMail mail) {
        List<String> addresses = new ArrayList<>();
        if (mail.from() != null) {
            addresses.add(mail.from().address());
        }
        for (List<MailAddress> list : java.util.Arrays.asList(mail.to(), mail.replyTo())) {
            if (list != null) {
                list.stream().limit(20).filter(a -> a != null).forEach(a -> addresses.add(a.address()));
            }
        }
        return addresses;
    }

    private String autoReply(ParsedMail mail) {
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && !lower(autoSubmitted).strip().startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        if (mail.header("X-Autoreply") != null) {
            return "X-Autoreply header";
        }
        if (mail.header("X-Autorespond") != null) {
            return "X-Autorespond header";
        }
        String precedence = lower(mail.header("Precedence")).strip();
        if (precedence.equals("auto_reply") || precedence.equals("auto-reply")) {
            return "Precedence: " + precedence;
        }
        if (lower(mail.header("X-Autogenerated")).contains("reply")) {
            return "X-Autogenerated: Reply";
        }
        boolean autoSubject = isAutoSubject(lower(mail.subject()).strip());
        if (autoSubject && mail.header("X-Auto-Response-Suppress") != null) {
            return "X-Auto-Response-Suppress and an automatic subject";
        }
        if (autoSubject) {
            return "automatic reply subject: " + head(mail.subject(), 60);
        }
        return null;
    }

    static boolean isAutoSubject(String subject) {
        String s = subject;
        // ticket systems prefix "[queue #123]"
        while (s.startsWith("[") && s.indexOf(']') > 0 && !s.startsWith("[auto")) {
            s = s.substring(s.indexOf(']') + 1).strip();
        }
        if (isReplyOrForward(s)) {
            return false;
        }
        for (String p : AUTO_SUBJECT_PREFIXES) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return containsAny(s, AUTO_SUBJECT_ANYWHERE);
    }

    private static String list(ParsedMail mail) {
        for (String h : List.of("List-Id", "List-Unsubscribe", "List-Post", "Mailing-List", "X-Mailing-List")) {
            if (mail.header(h) != null) {
                return h + " header";
            }
        }
        String precedence = lower(mail.header("Precedence")).strip();
        if (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) {
            return "Precedence: " + precedence;
        }
        return null;
    }

    private static boolean isReplyOrForward(String s) {
        return s.matches("(?s)^(re|fw|fwd|aw|wg|tr|sv|vs|rif|r|antw)\\s*(\\[\\d+\\])?\\s*:.*");
    }

    private static ParsedAttachment attachment(ParsedMail mail, String... types) {
        for (ParsedAttachment a : mail.attachments()) {
            for (String t : types) {
                if (a.contentType().equalsIgnoreCase(t)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Whether any of the (lower-case) words or phrases occurs in {@code s}; the report parser uses it too. */
    static boolean containsAny(String s, List<String> needles) {
        for (String n : needles) {
            if (s.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String head(String s, int n) {
        return s == null ? "" : s.length() > n ? s.substring(0, n) : s;
    }
}
