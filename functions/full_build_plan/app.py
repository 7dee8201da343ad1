"""Lambda entry point for the full build's plan step: the institutions cut into shards, the manifest written."""

from careermitra.full_build.handlers import plan as lambda_handler

__all__ = ["lambda_handler"]
