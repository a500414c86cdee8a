class IngestError(ValueError):
    """Bad input; str(err) is a clear, user-facing message saying what is wrong (no traceback text)."""
