"""The local stack: the built site (and, with the backend, the API) on one loopback server."""
