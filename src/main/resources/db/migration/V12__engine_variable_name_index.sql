-- A process instance query that filters by variables tests every running instance with
-- EXISTS (SELECT ... FROM ACT_RU_VARIABLE WHERE NAME_ = ? AND EXECUTION_ID_ = RES.ID_ ...): MajorIncidents.declaredOn,
-- asked at every intake, looks for a declared major incident on the service that way. Camunda indexes the column
-- EXECUTION_ID_ alone, so H2 reads every variable (about 30) of every running instance; with the name in the index
-- it reads one. PostgreSQL starts from the variable's value instead and is as fast either way.
CREATE INDEX IF NOT EXISTS incident_flow_variable_execution_name ON ACT_RU_VARIABLE (EXECUTION_ID_, NAME_, TYPE_);
