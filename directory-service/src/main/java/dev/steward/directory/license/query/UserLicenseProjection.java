package dev.steward.directory.license.query;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.ReadModels;
import dev.steward.directory.license.api.UserLicensesAssigned;
import dev.steward.directory.user.query.UserView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Keeps {@code user_view.assigned_licenses} in line with licence events, in the read models' transaction. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class UserLicenseProjection {

    @PersistenceContext
    private EntityManager entityManager;
    private final BatchedWrites writes;

    UserLicenseProjection(BatchedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(UserLicensesAssigned event, @SequenceNumber long version) {
        writes.writeHeldRows();
        UserView view = entityManager.find(UserView.class, event.userId());
        if (view != null && view.getAggregateVersion() < version) {
            view.applyLicenses(event.assignedLicenses(), version);
            writes.written();
        }
    }
}
