package org.coloc.inventory.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coloc.inventory.control.RecordInputs;
import org.coloc.inventory.entity.Member;
import org.coloc.inventory.entity.MemberFields;
import org.coloc.platform.ListRequest;
import org.coloc.platform.Page;
import org.coloc.platform.ProblemException;

/** Members: one transaction per call, each change logged with it. */
@Stateless
public class Members extends Records<Member, MemberFields, MemberView> {

    static final String TYPE = "member";
    private static final Map<String, String> SORTABLE = Map.of("displayName", "m.displayName", "email", "m.email",
            "joined", "m.joined", "status", "m.status", "created", "m.created", "updated", "m.updated", "id", "m.id");

    @Inject
    InventoryClock inventoryClock;

    public Members() {
        super(Member.class, TYPE, "member", Member::new, MemberView::of);
    }

    @Override
    public Page<MemberView> list(ListRequest request) {
        return listQuery("m")
                .filter(request.filter("status"), "m.status = :status", "status", Filters.oneOf("status", RecordInputs.MEMBER_STATUSES))
                .filter(request.filter("language"), "m.language = :language", "language",
                        Filters.oneOf("language", RecordInputs.LANGUAGES))
                .search(request.filter("q"), "LOWER(m.displayName)", "LOWER(m.email)", "LOWER(m.project)")
                .sort(request.sort(), SORTABLE, "displayName")
                // the other addresses of a whole page in one query, not one per member
                .hint("eclipselink.batch.type", "IN")
                .hint("eclipselink.batch", "m.otherEmails")
                .page(em, request.paging(), MemberView::of);
    }

    @Override
    protected MemberFields fields(JsonValue body) {
        return RecordInputs.member(body, inventoryClock.today());
    }

    /**
     * Mail to this address bounced: every member who has it is marked (the admin sees it on the member, and
     * in the change log as done by {@code actor}). In the caller's transaction, with what caused it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void mailFailed(String address, String status, String actor) {
        for (Member m : em.createQuery("SELECT m FROM Member m JOIN m.addresses a WHERE a = :a", Member.class)
                .setParameter("a", Member.normalise(address)).getResultList()) {
            MemberView before = MemberView.of(m);
            m.mailFailed(address, status, clock.instant());
            changes.record(actor, TYPE, m.getId(), "update", before, MemberView.of(m));
        }
    }

    @Override
    protected void checkDeletable(Member m) {
        long vms = em.createQuery("SELECT COUNT(v) FROM VirtualMachine v WHERE v.ownerId = :id", Long.class)
                .setParameter("id", m.getId()).getSingleResult();
        if (vms > 0) {
            throw ProblemException.conflict("Member " + m.getId() + " owns " + vms + " VM(s); give them to someone "
                    + "else or delete them first.");
        }
    }

    @Override
    protected void checkFree(MemberFields fields, Long self) {
        Set<String> wanted = fields.allAddresses();
        List<Object[]> taken = em.createQuery("SELECT m.id, a FROM Member m JOIN m.addresses a WHERE a IN :addresses",
                Object[].class).setParameter("addresses", List.copyOf(wanted)).getResultList();
        for (Object[] row : taken) {
            if (!row[0].equals(self)) {
                throw ProblemException.conflict("The address " + row[1] + " belongs to member " + row[0] + ".");
            }
        }
    }
}
