-- Every report asks how many incidents were reported on its service lately: MajorIncidentTrigger within its cluster
-- window, RecurrenceCheck within 7 and 30 days of the same category. These indexes read only that service's rows of
-- that period (the dashboard's index on reported_at read every service's).
CREATE INDEX incident_summary_service_reported ON incident_summary (affected_service, reported_at);
CREATE INDEX incident_summary_service_category_reported ON incident_summary (affected_service, category, reported_at);
