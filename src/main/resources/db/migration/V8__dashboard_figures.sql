-- The manager's dashboard (Cockpit) and the Prometheus metrics are computed from the read model, never
-- from a scan of the engine's history: each incident's row carries its times, breaches and pauses as
-- columns, written with the rest of the row (IncidentSummaries). Durations are working seconds in the
-- incident's SLA calendar, pauses the SLA excludes left out, as the SLA itself counts them.
ALTER TABLE incident_summary ADD COLUMN acknowledged_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN acknowledge_seconds BIGINT;
ALTER TABLE incident_summary ADD COLUMN resolved_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN resolve_seconds BIGINT;
ALTER TABLE incident_summary ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN response_breached BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incident_summary ADD COLUMN response_breached_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN resolution_breached BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incident_summary ADD COLUMN resolution_breached_at TIMESTAMP;
-- When each SLA outcome fell: the clock stopped (met or late) or, before that, it breached.
ALTER TABLE incident_summary ADD COLUMN response_outcome_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN resolution_outcome_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN on_hold_seconds BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE incident_summary ADD COLUMN resolution_paused BOOLEAN DEFAULT FALSE NOT NULL;
-- The moments a running resolution clock reaches 50, 75 and 90 % of its target ("at risk now").
ALTER TABLE incident_summary ADD COLUMN resolution_50_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN resolution_75_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN resolution_90_at TIMESTAMP;
ALTER TABLE incident_summary ADD COLUMN reopen_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE incident_summary ADD COLUMN reassignment_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE incident_summary ADD COLUMN first_contact BOOLEAN DEFAULT FALSE NOT NULL;
-- 0: written before these columns; ReadModelBackfill fills such rows from the engine's history at start.
ALTER TABLE incident_summary ADD COLUMN figures_version INTEGER DEFAULT 0 NOT NULL;

-- Each period selects on one moment. The index of that moment also holds what the figures of that period
-- group, count and filter by, so that a long period is read from the index alone (PostgreSQL's index-only
-- scan) rather than from a third of the table's pages.
CREATE INDEX incident_summary_reported_at ON incident_summary
  (reported_at, channel, affected_service, category, assignment_group, priority);
CREATE INDEX incident_summary_acknowledged_at ON incident_summary
  (acknowledged_at, acknowledge_seconds, priority, assignment_group, affected_service, channel);
CREATE INDEX incident_summary_resolved_at ON incident_summary
  (resolved_at, resolve_seconds, priority, assignment_group, affected_service, channel, first_contact, reopen_count,
   reassignment_count);
CREATE INDEX incident_summary_response_outcome ON incident_summary
  (response_outcome_at, assignment_group, priority, response_breached, affected_service, channel);
CREATE INDEX incident_summary_resolution_outcome ON incident_summary
  (resolution_outcome_at, assignment_group, priority, resolution_breached, affected_service, channel);
CREATE INDEX incident_summary_figures_version ON incident_summary (figures_version);
