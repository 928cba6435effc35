-- Incident numbers come from a database sequence: unique and increasing across restarts and across
-- several nodes sharing the database; a number once drawn is never handed out again.
CREATE SEQUENCE incident_number_seq START WITH 1 INCREMENT BY 1;
