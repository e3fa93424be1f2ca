-- spinekit message store, version 1. Portable SQL: runs unchanged on PostgreSQL and H2 2.x.
-- Times are epoch milliseconds (BIGINT), so no database time zone or timestamp type is involved.

-- One row per outbound MessageId. Reliable messages keep their bytes as posted (body), where they go
-- (endpoint, headers) and their retry state; express and synchronous sends keep only their status
-- (body NULL: never claimed).
CREATE TABLE spinekit_outbound (
    message_id        VARCHAR(255)  NOT NULL,
    conversation_id   VARCHAR(255)  NOT NULL,
    ref_to_message_id VARCHAR(255),
    workflow          VARCHAR(32)   NOT NULL,
    endpoint          VARCHAR(2048),
    headers           VARCHAR(4000),
    body              BYTEA,
    created_ms        BIGINT        NOT NULL,
    deadline_ms       BIGINT,
    max_attempts      INTEGER       NOT NULL,
    retry_interval_ms BIGINT        NOT NULL,
    attempts          INTEGER       NOT NULL,
    posts             INTEGER       NOT NULL,
    next_attempt_ms   BIGINT        NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    last_error        VARCHAR(4000) NOT NULL,
    lease_owner       VARCHAR(255),
    lease_until_ms    BIGINT,
    ended_ms          BIGINT,
    CONSTRAINT spinekit_outbound_pk PRIMARY KEY (message_id)
);

-- what claim() scans: pending rows by due time
CREATE INDEX spinekit_outbound_due ON spinekit_outbound (status, next_attempt_ms);
-- what housekeeping deletes: rows ended before the retention
CREATE INDEX spinekit_outbound_ended ON spinekit_outbound (ended_ms);
-- correlation of asynchronous responses and "pending" listings by conversation
CREATE INDEX spinekit_outbound_conversation ON spinekit_outbound (conversation_id);

-- Inbound MessageIds seen, for duplicate elimination across instances: the primary key is the
-- unique key that makes a second receipt of the same MessageId lose the race.
CREATE TABLE spinekit_inbound (
    message_id    VARCHAR(255) NOT NULL,
    keep_until_ms BIGINT       NOT NULL,
    CONSTRAINT spinekit_inbound_pk PRIMARY KEY (message_id)
);

CREATE INDEX spinekit_inbound_expiry ON spinekit_inbound (keep_until_ms);
