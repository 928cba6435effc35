-- What people write on an incident is either a work note, internal to the staff and never mailed, or a
-- comment the caller sees: the caller's own words, or an agent's message that is mailed to the caller.
-- What monitoring reports (an alert that cleared) is internal.
ALTER TABLE incident_comment ADD COLUMN visibility VARCHAR(10) DEFAULT 'caller' NOT NULL;
UPDATE incident_comment SET visibility = 'internal' WHERE author = 'monitoring';

-- Finding an incident when a caller phones back: by number, caller name or e-mail, short description.
-- Rows written before this version get the caller on their next status change, or from the engine's
-- history at start (CallerBackfill).
ALTER TABLE incident_summary ADD COLUMN caller_name VARCHAR(100);
ALTER TABLE incident_summary ADD COLUMN caller_email VARCHAR(254);
CREATE INDEX incident_summary_caller_email ON incident_summary (caller_email, incident_number);
