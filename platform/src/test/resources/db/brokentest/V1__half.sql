-- A migration that fails after it has created a table and written to it: the test expects neither to remain.
CREATE TABLE brokentest_notes (id ${pk}, body TEXT);
INSERT INTO brokentest_notes (body) VALUES ('x');
INSERT INTO no_such_table VALUES (1);
