package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.coloc.cases.entity.CaseState;
import org.coloc.cases.entity.MessageDirection;
import org.coloc.intake.control.MailKind;
import org.coloc.intake.entity.MailStatus;
import org.coloc.outbox.entity.OutboxStatus;
import org.junit.jupiter.api.Test;

/** The labels are what the API shows and the rows hold: they must not move when the code does. */
class LabelledTest {

    @Test
    void labelsAreTheStringsRowsAndClientsUse() {
        assertEquals(List.of("new", "waiting-admin", "waiting-requester", "closed"), labels(CaseState.values()));
        assertEquals(List.of("incoming", "outgoing", "note"), labels(MessageDirection.values()));
        assertEquals(List.of("human", "auto-reply", "bounce", "list", "loop"), labels(MailKind.values()));
        assertEquals(List.of("ingested", "quarantined"), labels(MailStatus.values()));
        assertEquals(List.of("queued", "sending", "sent", "failed", "dropped"), labels(OutboxStatus.values()));
    }

    @Test
    void parseIgnoresCaseAndRefusesWhatNamesNothing() {
        assertEquals(CaseState.WAITING_ADMIN, Labelled.parse(CaseState.class, "Waiting-Admin"));
        assertEquals(MailKind.AUTO_REPLY, Labelled.parse(MailKind.class, "auto-reply"));
        assertThrows(IllegalArgumentException.class, () -> Labelled.parse(CaseState.class, "waiting_admin"));
        assertThrows(IllegalArgumentException.class, () -> Labelled.parse(CaseState.class, null));
    }

    @Test
    void findIsExact() {
        assertEquals(Optional.of(CaseState.CLOSED), Labelled.find(CaseState.class, "closed"));
        assertEquals(Optional.empty(), Labelled.find(CaseState.class, "Closed"));
        assertEquals(Optional.empty(), Labelled.find(CaseState.class, null));
    }

    private static List<String> labels(Labelled[] values) {
        return Arrays.stream(values).map(Labelled::label).toList();
    }
}
