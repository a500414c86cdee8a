class IngestError(ValueError):
    """Bad input. str(error) is a clear message for the uploader saying what is wrong."""
