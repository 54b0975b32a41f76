-- issue 9, outbox: a mail may carry extra headers (List-Unsubscribe, List-Unsubscribe-Post, List-Id), stored as
-- one "Name: value" line each, and a text/calendar part (its iTIP method and its iCalendar object).
-- Existing rows keep NULL in all three: plain text mail without extra headers, as before.
-- Same types as EclipseLink gives the entity OutboxMail on Derby; valid on PostgreSQL too.
ALTER TABLE OUTBOX_MAIL ADD COLUMN EXTRA_HEADERS VARCHAR(4000);
ALTER TABLE OUTBOX_MAIL ADD COLUMN CALENDAR_METHOD VARCHAR(20);
ALTER TABLE OUTBOX_MAIL ADD COLUMN CALENDAR_BODY VARCHAR(32000);
