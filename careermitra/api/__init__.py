"""The HTTP API under /api: one Powertools resolver; routes are thin over careermitra.workflows."""
