-- issue 12 (dmail): the dashboard's token list shows when each token was last used (written at most once a minute)
ALTER TABLE API_TOKEN ADD COLUMN LAST_USED TIMESTAMP;
-- the dashboard's mail view asks which case holds a received mail (GET /api/cases?mail=ID)
CREATE INDEX IX_CASE_MESSAGE_MAIL ON CASE_MESSAGE (MAIL_ID);
