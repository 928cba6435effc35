-- Every notification, decided and recorded once in the transaction of the step that causes it (with its
-- recipients, subject, Message-ID and the whole message as sent), then sent after that commit by a job of
-- its own and marked sent. A re-send after a fault carries the same Message-ID; the message itself is
-- dropped once sent (it may hold a resolution link's token). The communication log is the sent rows.
CREATE TABLE incident_notification (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  incident_number VARCHAR(10) NOT NULL,
  process_instance_id VARCHAR(64),
  event VARCHAR(40) NOT NULL,
  recipients VARCHAR(2000) NOT NULL,
  subject VARCHAR(500) NOT NULL,
  message_id VARCHAR(250) NOT NULL,
  message TEXT,
  status VARCHAR(10) NOT NULL,
  attempts INTEGER NOT NULL,
  last_error VARCHAR(1000),
  created_at TIMESTAMP NOT NULL,
  sent_at TIMESTAMP
);
CREATE UNIQUE INDEX incident_notification_message_id ON incident_notification (message_id);
CREATE INDEX incident_notification_number ON incident_notification (incident_number, created_at);

-- What was sent before this table existed is its history.
INSERT INTO incident_notification (id, incident_number, event, recipients, subject, message_id, status, attempts,
    created_at, sent_at)
  SELECT CONCAT('log-', CAST(id AS VARCHAR(20))), incident_number, event, recipients, subject, message_id, 'SENT', 1,
    sent_at, sent_at
  FROM incident_communication
  WHERE id IN (SELECT MIN(id) FROM incident_communication GROUP BY message_id);
DROP TABLE incident_communication;
