"""What happens to a submission after the form: the rules in order, over the stores and the mailer.

Route handlers (careermitra.api.routes) call these; so does the moderation CLI. Nothing here knows HTTP.
"""
