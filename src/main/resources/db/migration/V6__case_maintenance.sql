-- issue 10: a member's answers to the notices of a maintenance land in one case, linked to that maintenance.
-- Plain SQL valid on Derby 10.16 and PostgreSQL 16.
ALTER TABLE SUPPORT_CASE ADD COLUMN MAINTENANCE_ID BIGINT;
-- the case of a maintenance and a member (routing looks it up), and the case list filtered by maintenance
CREATE INDEX IX_CASE_MAINTENANCE ON SUPPORT_CASE (MAINTENANCE_ID, MEMBER_ID);
