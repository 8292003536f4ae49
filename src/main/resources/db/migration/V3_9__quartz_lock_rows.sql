-- Quartz's cluster locks are rows of QRTZ_LOCKS, which Quartz inserts the first time it takes each lock. Two replicas
-- starting together on a new database both found no row, both inserted, and the loser failed to start
-- ("duplicate key value violates unique constraint qrtz_locks_pkey"). With the rows in place from the migration
-- (which Flyway runs once, under its own lock), every replica only ever SELECTs them FOR UPDATE.
-- SCHED_NAME is quarkus.quartz.instance-name, left at its default.
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
SELECT 'QuarkusQuartzScheduler', 'TRIGGER_ACCESS'
WHERE NOT EXISTS (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'QuarkusQuartzScheduler' AND LOCK_NAME = 'TRIGGER_ACCESS');
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
SELECT 'QuarkusQuartzScheduler', 'STATE_ACCESS'
WHERE NOT EXISTS (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'QuarkusQuartzScheduler' AND LOCK_NAME = 'STATE_ACCESS');
