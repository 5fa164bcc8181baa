-- The aggregate's version after a successful command, answered again with a redelivered command's result.
ALTER TABLE command_outcome ADD COLUMN aggregate_version BIGINT;
