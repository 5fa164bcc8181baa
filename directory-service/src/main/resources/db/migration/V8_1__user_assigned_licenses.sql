-- A user's licences (Graph's assignedLicenses) as a JSON array of {skuId, disabledPlans}; NULL when the user holds
-- none. Numbered 8.1 so that it sorts after any V8 another change adds.
ALTER TABLE user_view ADD COLUMN assigned_licenses VARCHAR;
