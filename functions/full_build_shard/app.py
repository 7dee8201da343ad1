"""Lambda entry point for the full build's shard step: one shard of institutions rendered into the site bucket."""

from careermitra.full_build.handlers import shard as lambda_handler

__all__ = ["lambda_handler"]
