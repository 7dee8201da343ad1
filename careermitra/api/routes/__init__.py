"""One router per area of the API; each route reads the request, runs a workflow and answers."""
