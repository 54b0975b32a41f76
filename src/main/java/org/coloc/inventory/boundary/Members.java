package org.coloc.inventory.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coloc.inventory.control.RecordInputs;
import org.coloc.inventory.entity.Member;
import org.coloc.inventory.entity.MemberFields;
import org.coloc.platform.ETags;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.ListQuery;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.ProblemException;
import org.coloc.platform.changes.ChangeLog;

/** Members: one transaction per call, each change logged with it. */
@Stateless
public class Members {

    static final String TYPE = "member";
    private static final Map<String, String> SORTABLE = Map.of("displayName", "m.displayName", "email", "m.email",
            "joined", "m.joined", "status", "m.status", "created", "m.created", "updated", "m.updated", "id", "m.id");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    ChangeLog changes;

    @Inject
    InventoryClock inventoryClock;

    public Page<MemberView> list(Paging paging, String status, String language, String q, String sort) {
        return ListQuery.of(Member.class, "m")
                .filter(status, "m.status = :status", "status", v -> Filters.oneOf("status", v, RecordInputs.MEMBER_STATUSES))
                .filter(language, "m.language = :language", "language",
                        v -> Filters.oneOf("language", v, RecordInputs.LANGUAGES))
                .search(q, "LOWER(m.displayName)", "LOWER(m.email)", "LOWER(m.project)")
                .sort(sort, SORTABLE, "displayName")
                .hint("eclipselink.read-only", "true")
                // the other addresses of a whole page in one query, not one per member
                .hint("eclipselink.batch.type", "IN")
                .hint("eclipselink.batch", "m.otherEmails")
                .page(em, paging, MemberView::of);
    }

    public Versioned<MemberView> get(long id) {
        return versioned(find(id));
    }

    public Versioned<MemberView> create(String body, String actor) {
        MemberFields fields = RecordInputs.member(JsonBodies.parse(body), today());
        checkAddressesFree(fields, null);
        Member m = new Member(fields, clock.instant());
        em.persist(m);
        em.flush();
        changes.record(actor, TYPE, m.getId(), "create", null, MemberView.of(m));
        return versioned(m);
    }

    public Versioned<MemberView> replace(long id, String body, String ifMatch, String actor) {
        Member m = find(id);
        ETags.check(ifMatch, m.getVersion());
        return update(m, RecordInputs.member(JsonBodies.parse(body), today()), actor);
    }

    public Versioned<MemberView> patch(long id, String patch, String ifMatch, String actor) {
        Member m = find(id);
        ETags.check(ifMatch, m.getVersion());
        return update(m, RecordInputs.member(JsonBodies.mergePatch(MemberView.of(m), patch), today()), actor);
    }

    private Versioned<MemberView> update(Member m, MemberFields fields, String actor) {
        checkAddressesFree(fields, m.getId());
        MemberView before = MemberView.of(m);
        m.apply(fields, clock.instant());
        em.flush();
        MemberView after = MemberView.of(m);
        changes.record(actor, TYPE, m.getId(), "update", before, after);
        return versioned(m);
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

    public void delete(long id, String ifMatch, String actor) {
        Member m = find(id);
        ETags.check(ifMatch, m.getVersion());
        long vms = em.createQuery("SELECT COUNT(v) FROM VirtualMachine v WHERE v.ownerId = :id", Long.class)
                .setParameter("id", m.getId()).getSingleResult();
        if (vms > 0) {
            throw ProblemException.conflict("Member " + id + " owns " + vms + " VM(s); give them to someone else or "
                    + "delete them first.");
        }
        changes.record(actor, TYPE, id, "delete", MemberView.of(m), null);
        em.remove(m);
    }

    Member find(long id) {
        Member m = em.find(Member.class, id);
        if (m == null) {
            throw ProblemException.notFound("No member " + id + ".");
        }
        return m;
    }

    private void checkAddressesFree(MemberFields fields, Long self) {
        Set<String> wanted = fields.allAddresses();
        List<Object[]> taken = em.createQuery("SELECT m.id, a FROM Member m JOIN m.addresses a WHERE a IN :addresses",
                Object[].class).setParameter("addresses", List.copyOf(wanted)).getResultList();
        for (Object[] row : taken) {
            if (!row[0].equals(self)) {
                throw ProblemException.conflict("The address " + row[1] + " belongs to member " + row[0] + ".");
            }
        }
    }

    private LocalDate today() {
        return inventoryClock.today();
    }

    private static Versioned<MemberView> versioned(Member m) {
        return new Versioned<>(MemberView.of(m), m.getId(), m.getVersion());
    }
}
