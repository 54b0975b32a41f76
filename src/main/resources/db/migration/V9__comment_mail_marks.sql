-- issue 11 (cmod): what was already mailed about a comment, so that nothing is mailed twice.
-- MODERATION_MAILED_AT: when the admin was told about the pending comment (its own mail or a digest); null: not yet.
-- NOTIFIED_AT: when its first publication was handled (its author and the parent's author told, or knowingly not).
ALTER TABLE BLOG_COMMENT ADD COLUMN MODERATION_MAILED_AT TIMESTAMP;
ALTER TABLE BLOG_COMMENT ADD COLUMN NOTIFIED_AT TIMESTAMP;
CREATE INDEX IX_BLOG_COMMENT_UNMAILED ON BLOG_COMMENT (STATE, MODERATION_MAILED_AT);
