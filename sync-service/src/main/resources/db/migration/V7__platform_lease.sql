-- The sync engine's leases move to platform's one lease mechanism (DatabaseLeases, table steward_lease, see
-- platform/README.md): 'cycle-runner' and 'cycle-queue' keep their rows and holders; the outbox relay's lease
-- ('outbox-relay') joins them.
ALTER TABLE sync_lease RENAME TO steward_lease;
ALTER TABLE steward_lease ALTER COLUMN name SET DATA TYPE VARCHAR(100);
