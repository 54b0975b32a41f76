package org.coloc.inventory.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.coloc.inventory.entity.Editable;
import org.coloc.platform.ETags;
import org.coloc.platform.Ids;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.ListQuery;
import org.coloc.platform.ListRequest;
import org.coloc.platform.Page;
import org.coloc.platform.ProblemException;
import org.coloc.platform.TrackedRecord;
import org.coloc.platform.changes.ChangeLog;

/**
 * The one write path of the inventory's records (members, hosts, VMs): read, create, replace (PUT), change some
 * fields (JSON merge patch) and delete, each in one transaction with its entry in the change log, If-Match
 * checked against the record's version (412), 404 for an unknown id. A kind of record says only what is its
 * own: how its JSON input reads, how it is built and changed, what it shows, and what it must not collide with.
 *
 * @param <E> the entity
 * @param <F> its checked input fields
 * @param <V> the view the API shows (and a merge patch applies to)
 */
public abstract class Records<E extends TrackedRecord & Editable<F>, F, V> {

    // protected: kinds of records outside the inventory (maintenances) extend this too
    @PersistenceContext
    protected EntityManager em;

    @Inject
    protected Clock clock;

    @EJB
    protected ChangeLog changes;

    private final Class<E> entity;
    private final String type;
    private final String label;
    private final BiFunction<F, Instant, E> constructor;
    private final Function<E, V> view;

    /**
     * @param type its name in the change log, e.g. {@code "member"}
     * @param label how a problem text names one, e.g. {@code "VM"} in "No VM 7."
     * @param constructor a new record from its fields
     * @param view what the API shows of one, from the record alone (else override {@link #view})
     */
    protected Records(Class<E> entity, String type, String label, BiFunction<F, Instant, E> constructor,
            Function<E, V> view) {
        this.entity = entity;
        this.type = type;
        this.label = label;
        this.constructor = constructor;
        this.view = view;
    }

    /** One page of these records, as a list endpoint was asked (filters, sort, page). */
    public abstract Page<V> list(ListRequest request);

    /** The id a request's path names (400 for anything but a positive number, naming this kind of record). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long idOf(String text) {
        return Ids.parse(label, text);
    }

    /** Reads and checks the input (400 with every bad field). */
    protected abstract F fields(JsonValue body);

    /** What the API shows of a record; a kind whose view needs more than the record (a host's load) overrides it. */
    protected V view(E record) {
        return view.apply(record);
    }

    /**
     * Refuses what would collide with other records (409), or refer to none (400); {@code self} is null for a
     * new record.
     */
    protected abstract void checkFree(F fields, Long self);

    /**
     * Applies checked fields to a record (a replace, or a merge patch applied to its view). A kind of record whose
     * changes have consequences (a maintenance already announced mails its members) says so here.
     */
    protected void apply(E record, F fields, Instant now) {
        record.apply(fields, now);
    }

    /** Refuses (409) to delete a record others still depend on. */
    protected void checkDeletable(E record) {
    }

    /**
     * The list of these records, to filter, sort and page: read-only, since a list never changes what it shows
     * (EclipseLink then keeps no copy of each row to compare at commit).
     */
    protected ListQuery<E> listQuery(String alias) {
        return ListQuery.of(entity, alias).hint("eclipselink.read-only", "true");
    }

    public Versioned<V> get(long id) {
        return versioned(find(id));
    }

    public Versioned<V> create(String body, String actor) {
        F fields = fields(JsonBodies.parse(body));
        checkFree(fields, null);
        E record = constructor.apply(fields, clock.instant());
        em.persist(record);
        em.flush();
        changes.record(actor, type, record.getId(), "create", null, view(record));
        return versioned(record);
    }

    public Versioned<V> replace(long id, String body, String ifMatch, String actor) {
        E record = findAt(id, ifMatch);
        return update(record, fields(JsonBodies.parse(body)), actor);
    }

    public Versioned<V> patch(long id, String patch, String ifMatch, String actor) {
        E record = findAt(id, ifMatch);
        return update(record, fields(JsonBodies.mergePatch(view(record), patch)), actor);
    }

    private Versioned<V> update(E record, F fields, String actor) {
        checkFree(fields, record.getId());
        V before = view(record);
        apply(record, fields, clock.instant());
        em.flush();
        changes.record(actor, type, record.getId(), "update", before, view(record));
        return versioned(record);
    }

    public void delete(long id, String ifMatch, String actor) {
        E record = findAt(id, ifMatch);
        checkDeletable(record);
        changes.record(actor, type, id, "delete", view(record), null);
        em.remove(record);
    }

    protected E find(long id) {
        E record = em.find(entity, id);
        if (record == null) {
            throw ProblemException.notFound("No " + label + " " + id + ".");
        }
        return record;
    }

    /** The record to change, as the caller last saw it: 404 for an unknown id, 412 when If-Match is not its version. */
    protected E findAt(long id, String ifMatch) {
        E record = find(id);
        ETags.check(ifMatch, record.getVersion());
        return record;
    }

    protected Versioned<V> versioned(E record) {
        return new Versioned<>(view(record), record.getId(), record.getVersion());
    }
}
