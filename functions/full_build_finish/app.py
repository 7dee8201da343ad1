"""Lambda entry point for the full build's finish step: the pages that span shards, search, the index."""

from careermitra.full_build.handlers import finish as lambda_handler

__all__ = ["lambda_handler"]
