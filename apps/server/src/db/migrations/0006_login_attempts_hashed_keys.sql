-- login_attempts is now keyed by a keyed hash (HMAC-SM3) of the account name, which SQL cannot
-- compute. Rows keyed by the typed name (which may be an ID or phone number) are dropped: they
-- are short-lived counters (a 15-minute window, a 30-minute lock), so at most a running count
-- or lock starts over.
DELETE FROM login_attempts;
