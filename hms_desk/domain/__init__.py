"""Value types and NAV's rules. Plain Python: no Qt, no database."""
