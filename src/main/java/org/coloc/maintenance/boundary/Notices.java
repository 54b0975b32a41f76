package org.coloc.maintenance.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coloc.inventory.entity.Member;
import org.coloc.inventory.entity.VirtualMachine;
import org.coloc.inventory.entity.VmDomain;
import org.coloc.maintenance.control.AffectedVm;
import org.coloc.maintenance.control.Audience;
import org.coloc.maintenance.control.NoticeFacts;
import org.coloc.maintenance.control.NoticeKind;
import org.coloc.maintenance.control.NoticeMails;
import org.coloc.maintenance.entity.Maintenance;
import org.coloc.maintenance.entity.NoticeRecipient;
import org.coloc.outbox.boundary.Outbox;
import org.coloc.platform.ColocSettings;

/**
 * Who is told about a maintenance, and telling them: the audience read from the inventory, the facts of each
 * notice, and the notices queued in the outbox in the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Notices {

    /** Ids per IN list: long lists make Derby's statements slow to compile. */
    private static final int CHUNK = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    ColocSettings coloc;

    @EJB
    Outbox outbox;

    /** The members told about this maintenance if it were announced now, each with their affected VMs. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Audience.Member> audience(Maintenance m) {
        Audience.Scope scope = new Audience.Scope(m.isEverything(), m.getHosts(), m.getVms());
        List<VirtualMachine> vms;
        if (m.isEverything()) {
            vms = em.createQuery("SELECT v FROM VirtualMachine v WHERE v.ownerId IS NOT NULL AND v.status IN :s",
                    VirtualMachine.class).setParameter("s", Audience.IN_SERVICE)
                    .setHint("eclipselink.read-only", "true").getResultList();
        } else {
            vms = new ArrayList<>();
            for (List<Long> hosts : chunks(m.getHosts())) {
                vms.addAll(em.createQuery("SELECT v FROM VirtualMachine v WHERE v.hostId IN :ids "
                        + "AND v.ownerId IS NOT NULL AND v.status IN :s", VirtualMachine.class)
                        .setParameter("ids", hosts).setParameter("s", Audience.IN_SERVICE)
                        .setHint("eclipselink.read-only", "true").getResultList());
            }
            for (List<Long> ids : chunks(m.getVms())) {
                vms.addAll(em.createQuery("SELECT v FROM VirtualMachine v WHERE v.id IN :ids", VirtualMachine.class)
                        .setParameter("ids", ids).setHint("eclipselink.read-only", "true").getResultList());
            }
        }
        Map<Long, Audience.VmRow> rows = new HashMap<>();
        Set<Long> owners = new HashSet<>();
        for (VirtualMachine v : vms) {
            rows.put(v.getId(), new Audience.VmRow(v.getId(), v.getName(), v.getHostname(), v.getHostId(),
                    v.getOwnerId(), v.getStatus(), v.getDomains().stream().map(VmDomain::getName).toList()));
            if (v.getOwnerId() != null) {
                owners.add(v.getOwnerId());
            }
        }
        Map<Long, Audience.MemberRow> members = new HashMap<>();
        members(owners).forEach((id, member) -> members.put(id, new Audience.MemberRow(id, member.getDisplayName(),
                member.getEmail(), member.getLanguage(), member.getStatus())));
        return Audience.of(scope, rows.values(), members);
    }

    /** The members of these ids (those that still exist). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, Member> members(Set<Long> ids) {
        Map<Long, Member> out = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            em.createQuery("SELECT m FROM Member m WHERE m.id IN :ids", Member.class).setParameter("ids", chunk)
                    .setHint("eclipselink.read-only", "true").getResultList().forEach(m -> out.put(m.getId(), m));
        }
        return out;
    }

    /** What a notice to one member (or the admin) says. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public NoticeFacts facts(Maintenance m, String language, String name, String address, List<AffectedVm> vms,
            String reason, Instant previousStart, Instant previousEnd, Instant now) {
        String organizer = coloc.address();
        return new NoticeFacts(m.getId(), m.getSequence(), m.getTitle(), m.getTitleEn(), m.getDescription(),
                m.getDescriptionEn(), m.getStartAt(), m.getEndAt(), m.zone(), language, name, address, vms, organizer,
                organizer.substring(organizer.indexOf('@') + 1), reason, previousStart, previousEnd, now);
    }

    /** Announces the maintenance to its audience: one mail each, and the row every later notice threads under. */
    public int announce(Maintenance m, Instant now) {
        List<Audience.Member> audience = audience(m);
        audience.forEach(a -> announceTo(m, a, now));
        return audience.size();
    }

    /** The announcement, as it reads now, to one member; the row their later notices thread under. */
    private void announceTo(Maintenance m, Audience.Member a, Instant now) {
        NoticeFacts f = facts(m, a.language(), a.displayName(), a.email(), a.vms(), null, null, null, now);
        Outbox.Queued queued = outbox.queue(NoticeMails.toMember(NoticeKind.ANNOUNCEMENT, f, a.member(), null));
        em.persist(new NoticeRecipient(m.getId(), a.member(), a.email(), a.language(), queued.messageId(), now));
    }

    /**
     * A later notice to every member the announcement went to, in their thread, at the address and in the language
     * it went in (a member whose VM moved away since still hears that it was cancelled); the VMs listed are those
     * still affected. With a notice of works still ahead or under way ({@link NoticeKind#announcesToLateMembers}),
     * the members affected since the announcement get the announcement as it reads now instead, and are told
     * from then on. Answers how many members were mailed.
     */
    public int tell(Maintenance m, NoticeKind kind, String reason, Instant previousStart, Instant previousEnd,
            Instant now) {
        List<NoticeRecipient> recipients = em.createNamedQuery(NoticeRecipient.OF_MAINTENANCE, NoticeRecipient.class)
                .setParameter("maintenance", m.getId()).getResultList();
        if (recipients.isEmpty() && !kind.announcesToLateMembers()) {
            return 0; // nobody was told (a draft cancelled): nobody to read the inventory for
        }
        List<Audience.Member> audience = audience(m);
        Map<Long, List<AffectedVm>> vms = new HashMap<>();
        audience.forEach(a -> vms.put(a.member(), a.vms()));
        int late = 0;
        if (kind.announcesToLateMembers()) {
            Set<Long> told = new HashSet<>();
            recipients.forEach(r -> told.add(r.getMemberId()));
            for (Audience.Member a : audience) {
                if (!told.contains(a.member())) {
                    announceTo(m, a, now);
                    late++;
                }
            }
        }
        if (recipients.isEmpty()) {
            return late;
        }
        Set<Long> ids = new HashSet<>();
        recipients.forEach(r -> ids.add(r.getMemberId()));
        Map<Long, Member> members = members(ids);
        for (NoticeRecipient r : recipients) {
            Member member = members.get(r.getMemberId());
            String name = member == null ? r.getAddress() : member.getDisplayName();
            NoticeFacts f = facts(m, r.getLanguage(), name, r.getAddress(), vms.getOrDefault(r.getMemberId(),
                    List.of()), reason, previousStart, previousEnd, now);
            outbox.queue(NoticeMails.toMember(kind, f, r.getMemberId(), r.getAnnouncementId()));
        }
        return recipients.size() + late;
    }

    /** The admin's reminder to complete a maintenance whose end time came. */
    public void remindAdmin(Maintenance m, Instant now) {
        NoticeFacts f = facts(m, coloc.adminLanguage(), "admin", coloc.adminReportAddress(), List.of(), null, null,
                null, now);
        outbox.queue(NoticeMails.toAdmin(f));
    }

    private static List<List<Long>> chunks(Set<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return out;
    }
}
