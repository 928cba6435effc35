-- One row that RecurrenceCheck locks (SELECT ... FOR UPDATE) before it proposes a problem for recurring incidents:
-- incidents routed at the same moment propose one problem between them, not one each, on any number of nodes.
CREATE TABLE problem_proposal_lock (
  id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO problem_proposal_lock (id) VALUES (1);
