package org.coloc.cases.boundary;

import java.time.Instant;
import java.util.List;
import org.coloc.cases.entity.CaseMessage;
import org.coloc.cases.entity.SupportCase;

/**
 * A case with its whole thread, in order: incoming and outgoing mail (new text only) and notes; {@code maintenance}:
 * the maintenance whose notices the case answers, or null.
 */
public record CaseView(long number, String subject, String state, String requester, String requesterName,
        List<Participant> participants, List<String> failingAddresses, String language, boolean foreignTag, Long member, Long vm,
        Long maintenance, Instant created, Instant updated, Instant lastActivityAt, List<Message> messages) {

    /** direction: incoming, outgoing or note; {@code mail} is the intake's message id for incoming mail. */
    public record Message(long id, String direction, String author, Instant at, String text, String messageId,
            Long mail) {
    }

    /**
     * Someone the admin's replies go to; {@code addedBy}: the address whose mail brought him in (the
     * requester's or the admin's Cc) or the login of the admin who added him; both null for old records.
     */
    public record Participant(String address, String addedBy, Instant addedAt) {
    }

    static CaseView of(SupportCase c, List<CaseMessage> messages) {
        return new CaseView(c.getNumber(), c.getSubject(), c.getState().label(), c.getRequester(), c.getRequesterName(),
                c.getParticipantDetails().stream().map(p -> new Participant(p.getAddress(), p.getAddedBy(),
                        p.getAddedAt())).toList(),
                c.getFailingAddresses().stream().sorted().toList(), c.getLanguage(), c.isForeignTag(), c.getMemberId(),
                c.getVmId(), c.getMaintenanceId(), c.getCreated(), c.getUpdated(), c.getLastActivityAt(),
                messages.stream().map(m -> new Message(m.getId(), m.getDirection().label(), m.getAuthor(), m.getAt(), m.getText(),
                        m.getMessageId(), m.getMailId())).toList());
    }
}
