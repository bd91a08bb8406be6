"""Qt widgets only. They show services built by hms_desk.app; no business rules here."""
