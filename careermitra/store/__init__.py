"""DynamoDB access, one module per aggregate; callers depend on the small Protocol each module exports.

The Dynamo classes satisfy those Protocols structurally (mypy checks it where careermitra.wiring builds them);
workflows and the CLI name only the Protocols, so tests can hand them in-memory fakes.
"""
