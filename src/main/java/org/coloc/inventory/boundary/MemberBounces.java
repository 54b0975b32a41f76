package org.coloc.inventory.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.coloc.routing.control.AddressFailed;

/**
 * A bounce said our mail to an address failed for good: every member who has that address is marked, in the
 * transaction that took the bounce in (the observer is synchronous), with the bounce as the change's cause.
 */
@ApplicationScoped
public class MemberBounces {

    @EJB
    Members members;

    void onAddressFailed(@Observes AddressFailed failed) {
        members.mailFailed(failed.address(), failed.status(), failed.cause());
    }
}
