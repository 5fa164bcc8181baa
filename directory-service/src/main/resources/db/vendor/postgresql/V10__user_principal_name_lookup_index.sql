-- Users are looked up by userPrincipalName without regard to letter case (GET /users/{upn}, the uniqueness check of
-- a cloud user's name): LOWER(user_principal_name) = LOWER(?) can only use an index on the same expression.
-- PostgreSQL only (H2, the quickstart's database, has no expression indexes).
CREATE INDEX user_view_upn_lower_ix ON user_view (LOWER(user_principal_name));
