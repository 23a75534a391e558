"""The domain exception tree.

Raised once in ``services/`` (or ``security/``) and translated in one place per face: an in-band result
(``Success=false``, ``ErrorMessage``, ``ErrorType``) where the operation's result type has such fields,
otherwise a SOAP fault; a one-line message on stderr in the CLI.

    WmsError
    ├── ConfigError              bad or unknown configuration key
    ├── SchemaOutOfDate          the database needs ``wms-soap init``
    ├── ValidationFailed         input breaks a rule (bad value, policy, missing field)
    ├── NotFound                 the object does not exist for this caller
    ├── Conflict                 the object exists already, or its state forbids the change
    ├── AuthenticationFailed     unknown user, wrong password, locked, disabled, no API access, wrong goods owner
    ├── PermissionDenied         authenticated, but not allowed to do this (e.g. invoice data)
    └── NotImplementedOperation  the operation is in the contract but not implemented yet
"""


class WmsError(Exception):
    """Base of every error the application raises on purpose; ``str()`` is safe to show to the caller."""


class ConfigError(WmsError):
    """A configuration key is unknown or its value is not allowed."""


class SchemaOutOfDate(WmsError):
    """The database schema is behind the code."""


class ValidationFailed(WmsError):
    """The input breaks a rule."""


class NotFound(WmsError):
    """The object does not exist, or does not belong to the caller."""


class Conflict(WmsError):
    """The object exists already, or its state forbids the change."""


class AuthenticationFailed(WmsError):
    """The caller could not be authenticated; the message never says why."""

    def __init__(self, message: str = "Logon failed: wrong username, password or goods owner") -> None:
        super().__init__(message)


class PermissionDenied(WmsError):
    """The caller is authenticated but not allowed to do this."""


class NotImplementedOperation(WmsError):
    """The operation is part of the contract but not implemented yet."""

    def __init__(self, operation: str) -> None:
        super().__init__(f"The operation {operation} is not implemented by this server yet")
        self.operation = operation
