-- spinekit message store, version 2. Portable SQL: runs unchanged on PostgreSQL and H2 2.x.
-- claim() looks for pending rows that are due and not leased. The index of version 1,
-- (status, next_attempt_ms), does not hold the lease, so each claim walked past every pending row that
-- was already leased. due_ms is the earliest time a row may be claimed: the later of its next attempt
-- and the end of its lease (next_attempt_ms when it has no lease). Every statement that changes
-- next_attempt_ms or the lease writes it, and claim() reads the range status = 'PENDING', due_ms <= now.
ALTER TABLE spinekit_outbound ADD COLUMN due_ms BIGINT;

UPDATE spinekit_outbound SET due_ms = CASE
    WHEN lease_until_ms IS NOT NULL AND lease_until_ms > next_attempt_ms THEN lease_until_ms
    ELSE next_attempt_ms END;

ALTER TABLE spinekit_outbound ALTER COLUMN due_ms SET NOT NULL;

-- what claim() scans: pending rows by the time they may be claimed
CREATE INDEX spinekit_outbound_claimable ON spinekit_outbound (status, due_ms);
DROP INDEX spinekit_outbound_due;
