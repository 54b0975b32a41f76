-- issue 10, mcore: what the maintenance timers remember, so that a restart repeats nothing and forgets nothing:
-- the reminder offsets done with (sent or skipped, e.g. "PT24H,PT72H"), when the admin was reminded that the end
-- time came, and, while a maintenance is in progress, the hosts it put in status "maintenance" with the status
-- each returns to afterwards. Plain SQL valid on Derby 10.16 and PostgreSQL.
ALTER TABLE MAINTENANCE ADD COLUMN REMINDERS_DONE VARCHAR(500);
ALTER TABLE MAINTENANCE ADD COLUMN END_REMINDED_AT TIMESTAMP;

CREATE TABLE MAINTENANCE_HELD_HOST (
    MAINTENANCE_ID BIGINT NOT NULL,
    HOST_ID BIGINT NOT NULL,
    PREVIOUS_STATUS VARCHAR(20) NOT NULL
);
CREATE INDEX IX_MAINTENANCE_HELD_HOST ON MAINTENANCE_HELD_HOST (MAINTENANCE_ID);
CREATE INDEX IX_MAINTENANCE_HELD_HOST_HOST ON MAINTENANCE_HELD_HOST (HOST_ID);
ALTER TABLE MAINTENANCE_HELD_HOST ADD CONSTRAINT FK_MAINTENANCE_HELD_HOST FOREIGN KEY (MAINTENANCE_ID)
    REFERENCES MAINTENANCE (ID);
