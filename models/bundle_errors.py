"""The messages of a sync bundle that is refused: one English template per problem.

Each names the bundle file (``{file}``) and, where there is one, the file inside it
(``{member}``), and says what is wrong in words a coordinator can act on.
"""

from __future__ import annotations

from models.errors import N_, UserError


class BundleError(UserError):
    """A sync bundle that cannot be trusted or read; the message names file and problem."""


NOT_FOUND = N_("{file}: there is no such file.")
UNREADABLE = N_("{file} could not be read: {reason}")
NOT_ZIP = N_("{file} is not a Partner Desk sync file: it is not a zip archive.")
TRUNCATED = N_(
    "{file} is incomplete: it ends before the end of the archive (it was cut short while "
    "being copied or downloaded). Copy it again from its source."
)
DAMAGED = N_("{file} is damaged and cannot be read: {reason}")
MEMBER_DAMAGED = N_("{file} is damaged: {member} cannot be unpacked ({reason}).")
TOO_MANY = N_(
    "{file} holds {count} files; a sync file holds at most {limit}. It is refused unread."
)
CONTENTS_TOO_BIG = N_(
    "{file} has an oversized table of contents ({size} bytes): it was not made by Partner "
    "Desk and is refused unread."
)
UNSAFE_NAME = N_(
    "{file} contains a file with an unsafe name, “{member}” (a folder path, “..” or an "
    "absolute path). It is refused unread."
)
UNEXPECTED_NAME = N_(
    "{file} contains “{member}”, which is not a file a sync file may hold. It is refused unread."
)
DUPLICATE = N_("{file} contains {member} more than once. It is refused unread.")
ENCRYPTED = N_("{file}: {member} is encrypted or compressed in an unsupported way.")
MEMBER_TOO_BIG = N_(
    "{file}: {member} would unpack to {size} bytes, more than the {limit} bytes allowed "
    "(a possible zip bomb). It is refused unread."
)
TOTAL_TOO_BIG = N_(
    "{file} would unpack to {size} bytes, more than the {limit} bytes allowed "
    "(a possible zip bomb). It is refused unread."
)
RATIO = N_(
    "{file}: {member} is compressed {ratio} to 1, more than the {limit} to 1 a sync file "
    "can reach (a possible zip bomb). It is refused unread."
)
NO_MANIFEST = N_("{file} has no manifest.json: it is not a sync file, or it is incomplete.")
NO_SIGNATURE = N_("{file} has no signature (manifest.sig), so it cannot be trusted.")
MANIFEST_JSON = N_("{file}: manifest.json is not valid JSON ({reason}).")
MANIFEST_FIELD = N_("{file}: manifest.json has no valid “{field}” (found: {value}).")
NOT_OURS = N_("{file} is not a Partner Desk sync file (its manifest says format {value}).")
NEWER = N_(
    "{file} uses sync format {version}, written by a newer Partner Desk; this version reads "
    "format {major}.x. Install the newer version to read it."
)
OLDER = N_(
    "{file} uses sync format {version}, which this version no longer reads (it reads "
    "format {major}.x). Export it again with a current Partner Desk."
)
UNREGISTERED = N_(
    "{file} comes from organisation {org}, whose key is not registered here. Register the "
    "organisation's public key first."
)
WRONG_KEY = N_(
    "{file} is signed with the key {found}, but the key registered for {org} is {expected}: "
    "it was not signed by that organisation's desk, or their key has changed."
)
SIGNATURE_FORMAT = N_("{file}: manifest.sig is not a valid signature.")
BAD_SIGNATURE = N_(
    "{file}: the signature does not match manifest.json: the manifest was changed after it "
    "was signed, or it was signed with another key."
)
UNKNOWN_TABLE = N_(
    "{file}: the manifest lists {member}, a table that sync format {version} does not have."
)
LISTED_TWICE = N_("{file}: the manifest lists {member} more than once.")
MISSING_MEMBER = N_("{file}: {member} is listed in the manifest but missing from the archive.")
UNLISTED_MEMBER = N_("{file}: {member} is in the archive but not listed in the manifest.")
RENAMED = N_(
    "{file}: {member} is listed in the manifest but the archive has {other} instead "
    "(a file was renamed)."
)
REQUIRED_TABLE = N_("{file} has no {member}, which this import needs.")
MISSING_COLUMN = N_(
    "{file}: {member} lacks the column {column}, which sync format {version} requires."
)
UNKNOWN_COLUMN = N_("{file}: {member} has a column {column} that format {version} does not have.")
COLUMN_TWICE = N_("{file}: {member} lists the column {column} twice.")
SIZE = N_(
    "{file}: {member} has {found} bytes but the manifest says {expected}: it was changed after "
    "the file was signed."
)
CHECKSUM = N_(
    "{file}: {member} does not match its SHA-256 checksum in the manifest: it was changed "
    "after the file was signed."
)
ROWS = N_(
    "{file}: {member} has {found} rows but the manifest says {expected}: rows were added or "
    "removed after the file was signed."
)
HEADER = N_(
    "{file}: the header of {member} does not match the manifest (expected: {expected}; "
    "found: {found})."
)
NOT_UTF8 = N_("{file}: {member} is not UTF-8 text (at row {row}).")
CSV = N_("{file}: {member} is not valid CSV at row {row} ({reason}).")
FIELD_COUNT = N_("{file}: {member}, row {row} has {found} fields; the header has {expected}.")

VALUE: dict[str, str] = {
    "missing": N_("{file}: {member}, row {row}: {column} is empty but needs a value."),
    "nul": N_("{file}: {member}, row {row}: {column} contains a NUL character."),
    "length": N_(
        "{file}: {member}, row {row}: {column} has {length} characters; at most {limit} "
        "are allowed."
    ),
    "choice": N_(
        "{file}: {member}, row {row}: {column} is “{value}”, which is not one of {choices}."
    ),
    "range": N_(
        "{file}: {member}, row {row}: {column} is {value}, outside the range {minimum} to "
        "{maximum}."
    ),
    "uuid": N_("{file}: {member}, row {row}: {column} is “{value}”, which is not a UUID."),
    "int": N_("{file}: {member}, row {row}: {column} is “{value}”, which is not a whole number."),
    "bool": N_("{file}: {member}, row {row}: {column} is “{value}”, not true or false."),
    "date": N_(
        "{file}: {member}, row {row}: {column} is “{value}”, which is not a date (YYYY-MM-DD)."
    ),
    "datetime": N_(
        "{file}: {member}, row {row}: {column} is “{value}”, which is not a UTC time "
        "(YYYY-MM-DDTHH:MM:SSZ)."
    ),
    "month": N_(
        "{file}: {member}, row {row}: {column} is “{value}”, which is not a month (YYYY-MM)."
    ),
}
