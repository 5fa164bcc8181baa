-- Events the Kafka publisher could never send (e.g. too large for the broker): parked with the reason so the
-- publisher goes on with the events behind them. An operator can read them here and republish after a fix.
CREATE TABLE parked_event (
    event_id     VARCHAR(255)  NOT NULL,
    event_type   VARCHAR(255)  NOT NULL,
    aggregate_id VARCHAR(255),
    sequence_no  BIGINT,
    reason       VARCHAR(2000) NOT NULL,
    parked_at    TIMESTAMP     NOT NULL,
    CONSTRAINT parked_event_pk PRIMARY KEY (event_id)
);
