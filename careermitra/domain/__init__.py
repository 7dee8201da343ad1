"""The domain model shared by the site build, the API and the CLI."""
