"""Use cases over storage: lookup, cases, captures, journal, audit. No Qt."""
