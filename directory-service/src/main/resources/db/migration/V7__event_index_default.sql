-- The event store's global index comes from the column's default (the same sequence, increment 1), so an event is
-- one INSERT ... RETURNING instead of a sequence call and an insert.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
