-- The closure record of every closed incident: the whole record as JSON, and the figures a report
-- would filter or add up as columns. The application's own table, so the engine's history cleanup
-- (historyTimeToLive) never removes it.
CREATE TABLE incident_closure_record (
  incident_number VARCHAR(10) NOT NULL PRIMARY KEY,
  closed_at TIMESTAMP NOT NULL,
  closed_because VARCHAR(20) NOT NULL,
  category VARCHAR(40),
  priority INTEGER NOT NULL,
  assignment_group VARCHAR(40),
  reopen_count INTEGER NOT NULL,
  reassignment_count INTEGER NOT NULL,
  time_to_acknowledge_seconds BIGINT,
  time_to_resolve_seconds BIGINT,
  time_on_hold_seconds BIGINT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX incident_closure_record_closed_at ON incident_closure_record (closed_at);
