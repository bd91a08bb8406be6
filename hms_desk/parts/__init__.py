"""The parts assistant's core (no Qt): parts that fit a device, NAV's order rules, orders.

* :mod:`hms_desk.parts.catalog` — ``parts_for_device`` and search/grouping helpers;
* :mod:`hms_desk.parts.rules` — NAV's rules as pure functions returning ``RuleViolation``;
* :mod:`hms_desk.parts.orders` — ``OrderService``: validate, create (idempotent, locked),
  status changes forward only, export without personal data.
"""
