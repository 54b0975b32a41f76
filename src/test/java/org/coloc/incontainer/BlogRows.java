package org.coloc.incontainer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Test-only, deployed with every in-container test: blog posts and their comments written with plain SQL, as the
 * admin's API and the intake store them (migrations V7 and V7.1, whose booleans are SMALLINT on Derby): the
 * comment tests start from rows, the streams that write them are tested on their own.
 */
@Dependent
public class BlogRows {

    @Resource(lookup = "java:app/jdbc/coloc")
    DataSource db;

    /** Whether any post is written yet (the rows a test class shares are written once). */
    boolean anyPost() {
        return new Tables(db).count("SELECT COUNT(*) FROM BLOG_POST") > 0;
    }

    /** A post written by the admin (not created by mail), created and updated {@code at}. */
    void post(long id, String slug, String title, String url, String language, boolean open, Instant at)
            throws SQLException {
        insert("INSERT INTO BLOG_POST (ID, VERSION, CREATED, UPDATED, SLUG, TITLE, URL, LANGUAGE, IS_OPEN,"
                + " CREATED_BY_MAIL) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 0)",
                id, Timestamp.from(at), Timestamp.from(at), slug, title, url, language, open);
    }

    /**
     * A French comment received {@code at}, not suspected of spam, and published then unless still pending (a
     * rejected comment may have been published before: it keeps its date).
     *
     * @param parent the comment it answers, or null
     * @param messageId its mail's Message-ID, or null
     * @param inboundMail the intake's row of its mail, or null
     */
    void comment(long id, long post, Long parent, String state, String name, String address, String text, Instant at,
            String messageId, Long inboundMail) throws SQLException {
        Timestamp received = Timestamp.from(at);
        insert("INSERT INTO BLOG_COMMENT (ID, VERSION, CREATED, UPDATED, POST_ID, PARENT_ID, STATE, AUTHOR_NAME,"
                + " AUTHOR_ADDRESS, LANGUAGE, TEXT, MESSAGE_ID, INBOUND_MAIL_ID, RECEIVED_AT, PUBLISHED_AT, SPAM_SUSPECT)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 'fr', ?, ?, ?, ?, ?, 0)",
                id, received, received, post, parent, state, name, address, text, messageId, inboundMail, received,
                state.equals("pending") ? null : received);
    }

    /** One row; a null value is SQL NULL (of the column's type, which Derby takes from the statement). */
    private void insert(String sql, Object... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }
}
