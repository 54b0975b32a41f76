-- The dashboard's inbox (issue 12): GET /api/cases, most recently active first, and the same per state for the
-- counts and the state filters. Derby reads an index only forwards, so the ascending IX_CASE_ACTIVITY and
-- IX_CASE_STATE made it sort every case at each call; with these it reads the first page off the index and stops.
-- (PostgreSQL would read the ascending ones backwards; the descending ones serve it just as well.)
CREATE INDEX IX_CASE_NEWEST ON SUPPORT_CASE (LAST_ACTIVITY_AT DESC, CASE_NUMBER DESC);
CREATE INDEX IX_CASE_STATE_NEWEST ON SUPPORT_CASE (STATE, LAST_ACTIVITY_AT DESC, CASE_NUMBER DESC);
