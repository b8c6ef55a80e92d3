-- Run once by the postgres image when its data volume is new (compose.yaml).
-- The bookings' exclusion constraint (no two bookings of a space overlap)
-- needs btree_gist; creating it here spares the application a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;
