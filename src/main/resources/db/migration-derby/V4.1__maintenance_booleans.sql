-- issue 10: the maintenance's two booleans, typed as every boolean of this schema on Derby (SMALLINT, 0 or 1,
-- as EclipseLink's Derby platform maps booleans; see SUPPORT_CASE.FOREIGN_TAG in V1.1).
ALTER TABLE MAINTENANCE ADD COLUMN EVERYTHING SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE MAINTENANCE ADD COLUMN AUTO_COMPLETE SMALLINT NOT NULL DEFAULT 0;
