"""The model: kinds of items, their fields, validation and input forms (no I/O, no Qt)."""

from copdesk.model.kinds import KINDS, USER_KINDS, Field, Kind
from copdesk.model.validate import validate, with_defaults

__all__ = ["KINDS", "USER_KINDS", "Field", "Kind", "validate", "with_defaults"]
