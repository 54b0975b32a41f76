package org.coloc.live.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coloc.cases.boundary.CaseChanged;
import org.coloc.cases.entity.CaseState;
import org.coloc.intake.control.MailStored;
import org.coloc.live.control.LiveEvent;
import org.coloc.platform.changes.RecordChanged;
import org.junit.jupiter.api.Test;

/** What the other areas fire becomes which live event, and when: only after the commit, except the comments' lookup. */
class LiveObserversTest {

    /** Records what would be sent. */
    static final class Recorder extends LiveStreams {
        final List<LiveEvent> sent = new ArrayList<>();

        @Override
        public void publish(LiveEvent event) {
            sent.add(event);
        }
    }

    @Test
    void aStoredMailAChangedCaseAndAChangedRecordBecomeTheirEvents() {
        Recorder streams = new Recorder();
        LiveObservers observers = new LiveObservers();
        observers.streams = streams;
        observers.mailStored(new MailStored(5, "human", "ingested"));
        observers.mailStored(new MailStored(6, null, "quarantined"));
        observers.caseChanged(new CaseChanged(3, CaseState.WAITING_ADMIN, CaseChanged.Reason.AUTO_REPLY));
        observers.recordChanged(new RecordChanged("vm", 9, "create"));
        assertEquals(List.of(LiveEvent.messageReceived(5, "human", "ingested"),
                LiveEvent.messageReceived(6, null, "quarantined"),
                LiveEvent.caseChanged(3, "waiting-admin", "auto-reply"), LiveEvent.recordChanged("vm", 9, "create")),
                streams.sent);
    }

    @Test
    void everythingIsSentAfterTheCommitOnly() {
        Map<String, TransactionPhase> phases = new TreeMap<>();
        for (Method m : LiveObservers.class.getDeclaredMethods()) {
            Arrays.stream(m.getParameters()).filter(p -> p.isAnnotationPresent(Observes.class))
                    .forEach(p -> phases.put(p.getType().getSimpleName(), p.getAnnotation(Observes.class).during()));
        }
        // the comment events are only read inside their transaction: what they become (a LiveEvent) waits for the commit
        assertEquals(Map.of("MailStored", TransactionPhase.AFTER_SUCCESS, "CaseChanged", TransactionPhase.AFTER_SUCCESS,
                "RecordChanged", TransactionPhase.AFTER_SUCCESS, "LiveEvent", TransactionPhase.AFTER_SUCCESS,
                "CommentStored", TransactionPhase.IN_PROGRESS, "CommentModerated", TransactionPhase.IN_PROGRESS), phases);
    }

    @Test
    void everyReasonHasTheLabelTheDocumentationNames() {
        assertEquals(List.of("opened", "message", "auto-reply", "bounce", "reply", "note", "state", "link",
                "participants"), Arrays.stream(CaseChanged.Reason.values()).map(CaseChanged.Reason::label).toList());
    }
}
