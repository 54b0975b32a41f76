package org.coloc.platform.changes;

/**
 * Fired in the transaction of every change {@link ChangeLog} records: a record of {@code type} (member, host, vm,
 * maintenance, post, comment) was created, updated, deleted, or moved on (a maintenance announced, started…).
 * Those who care observe it after the commit; the dashboard's live stream does.
 */
public record RecordChanged(String type, long id, String action) {
}
