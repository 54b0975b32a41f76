package org.coloc.comments.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;

/**
 * An address that asked for no more comment mail (one-click {@code List-Unsubscribe}, the unsubscribe mailto,
 * or the admin): no notification about comments goes there again. Keyed by the lower-case address.
 */
@Entity
@Table(name = "COMMENT_OPT_OUT")
@Getter
public class CommentOptOut {

    @Id
    private String address;

    private Instant optedOutAt;

    /** How: {@code one-click}, {@code mailto} or {@code admin}. */
    private String via;

    protected CommentOptOut() {
        // for JPA
    }

    public CommentOptOut(String address, Instant optedOutAt, String via) {
        this.address = address;
        this.optedOutAt = optedOutAt;
        this.via = via;
    }
}
