package org.coloc.cases.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coloc.outbox.control.OutgoingIds;

/**
 * The case store's answers about ids and participants, as maps, shared by the test doubles of threading
 * ({@link InMemoryCases}) and of routing so that both answer in the real lookup's order. Verifies our outgoing
 * ids when given an {@link OutgoingIds}, as the real lookup does.
 */
public class StoredCases {

    /** Id of a stored message → its case. */
    public final Map<String, Long> stored = new HashMap<>();
    /** Id referenced by a stored message (a ghost parent) → that message's case. */
    public final Map<String, Long> referenced = new HashMap<>();
    /** Case → the addresses taking part in it, in lower case. */
    public final Map<Long, Set<String>> participants = new HashMap<>();
    private final OutgoingIds ours;

    /** {@code ours} null: no id is taken for one of ours. */
    protected StoredCases(OutgoingIds ours) {
        this.ours = ours;
    }

    /**
     * One of our own ids names its case, if that case exists, and nothing else is asked; any other id is a
     * stored message's, else one that a stored message referenced.
     */
    public Optional<Long> caseOfMessageId(String messageId) {
        Long own = ours == null ? null : ours.caseOf(messageId);
        if (own != null) {
            return exists(own) ? Optional.of(own) : Optional.empty();
        }
        Long n = stored.get(messageId);
        return Optional.ofNullable(n != null ? n : referenced.get(messageId));
    }

    public boolean exists(long caseNumber) {
        return participants.containsKey(caseNumber);
    }

    public boolean takesPart(long caseNumber, String address) {
        return address != null && participants.getOrDefault(caseNumber, Set.of())
                .contains(address.toLowerCase(Locale.ROOT));
    }
}
