package org.coloc.comments.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.coloc.comments.control.SignedLinks.Action;
import org.coloc.platform.Html;

/**
 * The small HTML pages behind the signed links: the confirmation a link opens (what it would do, and one button
 * that POSTs it: a GET changes nothing, so a mail filter that opens every link publishes nothing), what was done,
 * and why a link was refused. No JavaScript, no resource from anywhere: one inline style block allowed by its
 * hash in the {@link #CONTENT_SECURITY_POLICY}. Everything shown is HTML-escaped. Pure code.
 */
public final class ConfirmationPages {

    private static final String STYLE = "body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;"
            + "line-height:1.4}blockquote{white-space:pre-wrap;border-left:3px solid #999;margin:1em 0;"
            + "padding:.2em 1em;color:#222}button{font-size:1.1em;padding:.4em 1.2em}";

    /**
     * Nothing but our own inline style; forms post only to us; never framed (clickjacking the one button); no
     * {@code <base>} that could redirect the form.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The headers every page carries (with {@code Content-Type: text/html;charset=UTF-8}). */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff");

    /** What a one-click POST carries (RFC 8058): our own button sends the same request a mail client does. */
    private static final String ONE_CLICK_FIELD = "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">";

    /** A comment as the confirmation page shows it. */
    public record Shown(long id, String postTitle, String postUrl, String authorName, String text, String state) {
    }

    private ConfirmationPages() {
    }

    /** What the link would do to the comment, and the button that does it ({@code formAction}: path and query). */
    public static String confirmModeration(Action action, Shown c, String formAction, String language) {
        boolean fr = !"en".equals(language);
        String verb = verb(action, fr);
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(fr ? "Commentaire n° " : "Comment #").append(c.id()).append(fr ? " sur « " : " on “")
                .append(Html.escape(c.postTitle())).append(fr ? " », de " : "”, from ").append(Html.escape(c.authorName()))
                .append(fr ? " (état : " : " (state: ").append(Html.escape(c.state())).append(")</p>\n");
        b.append("<blockquote>").append(Html.escape(c.text())).append("</blockquote>\n");
        if (c.state().equals(stateAfter(action))) {
            b.append("<p>").append(fr ? "C'est déjà fait." : "This is already done.").append("</p>\n");
        } else {
            b.append(form(formAction, verb, null));
        }
        return page(fr ? verb + " ce commentaire ?" : verb + " this comment?", b.toString(), language);
    }

    /** After the POST: what was done. */
    public static String moderated(Action action, Shown c, String language) {
        boolean fr = !"en".equals(language);
        String done = switch (action) {
            case PUBLISH -> fr ? "publié" : "published";
            case REJECT -> fr ? "refusé" : "rejected";
            case SPAM -> fr ? "marqué comme spam" : "marked as spam";
            case UNSUBSCRIBE -> throw new IllegalArgumentException("not a moderation");
        };
        StringBuilder b = new StringBuilder("<p>").append(fr ? "Le commentaire n° " : "Comment #").append(c.id())
                .append(fr ? " de " : " from ").append(Html.escape(c.authorName())).append(fr ? " est " : " is ")
                .append(done).append(".</p>\n");
        if (c.postUrl() != null && !c.postUrl().isBlank() && safeUrl(c.postUrl())) {
            b.append("<p><a href=\"").append(Html.escape(c.postUrl())).append("\" rel=\"noopener noreferrer\">")
                    .append(Html.escape(c.postTitle())).append("</a></p>\n");
        }
        return page(fr ? "C'est fait" : "Done", b.toString(), language);
    }

    /** The unsubscribe link's page: whose mail stops (the address masked), and the button. */
    public static String confirmUnsubscribe(String address, String formAction) {
        String masked = Html.escape(mask(address));
        String body = "<p>Ne plus recevoir aucun message sur les commentaires du blog à l'adresse " + masked
                + " ?<br>Stop all mail about the blog's comments to " + masked + "?</p>\n"
                + form(formAction, "Me désabonner / Unsubscribe", ONE_CLICK_FIELD);
        return page("Désabonnement / Unsubscribe", body, "fr");
    }

    /** After the unsubscription. */
    public static String unsubscribed(String address) {
        String masked = Html.escape(mask(address));
        return page("Désabonné / Unsubscribed", "<p>C'est fait : plus aucun message sur les commentaires à " + masked
                + ".<br>Done: no more mail about comments to " + masked + ".</p>\n", "fr");
    }

    /** A refused link: expired (410) or not valid (403), said plainly. */
    public static String refused(boolean expired, String language) {
        boolean fr = !"en".equals(language);
        String title = expired ? (fr ? "Lien expiré" : "Link expired") : (fr ? "Lien refusé" : "Link refused");
        String text = expired
                ? (fr ? "Ce lien a expiré : il ne fait plus rien. Le commentaire se modère encore dans l'API ; "
                        + "un désabonnement, par le lien d'un message plus récent."
                        : "This link has expired and does nothing any more. The comment can still be moderated "
                                + "through the API; to unsubscribe, use the link of a newer mail.")
                : (fr ? "Ce lien n'est pas valide : il a peut-être été coupé ou modifié. Rien n'a été fait."
                        : "This link is not valid: it may have been cut or altered. Nothing was done.");
        return page(title, "<p>" + text + "</p>\n", language);
    }

    /** A page saying the comment no longer exists (deleted since the mail). */
    public static String gone(String language) {
        boolean fr = !"en".equals(language);
        return page(fr ? "Commentaire introuvable" : "No such comment", "<p>" + (fr
                ? "Ce commentaire n'existe plus : il a été supprimé depuis l'envoi du message."
                : "This comment no longer exists: it was deleted after the mail was sent.") + "</p>\n", language);
    }

    /** {@code a***@example.org}: enough for its owner to recognise, not a full address on a screen. */
    static String mask(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static String verb(Action action, boolean fr) {
        return switch (action) {
            case PUBLISH -> fr ? "Publier" : "Publish";
            case REJECT -> fr ? "Refuser" : "Reject";
            case SPAM -> fr ? "Marquer comme spam" : "Mark as spam";
            case UNSUBSCRIBE -> fr ? "Me désabonner" : "Unsubscribe";
        };
    }

    /** The state label a moderation action leads to. */
    public static String stateAfter(Action action) {
        return switch (action) {
            case PUBLISH -> "published";
            case REJECT -> "rejected";
            case SPAM -> "spam";
            case UNSUBSCRIBE -> "";
        };
    }

    private static String form(String action, String button, String hidden) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\">" + (hidden == null ? "" : hidden)
                + "<button type=\"submit\">" + Html.escape(button) + "</button></form>\n";
    }

    private static boolean safeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }

    private static String page(String title, String body, String language) {
        return "<!DOCTYPE html>\n<html lang=\"" + ("en".equals(language) ? "en" : "fr") + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + Html.escape(title) + "</title><style>" + STYLE
                + "</style></head>\n<body>\n<h1>" + Html.escape(title) + "</h1>\n" + body + "</body></html>\n";
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
