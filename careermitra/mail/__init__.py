"""Mail to users and editors: the messages (messages.py) and how they are sent (SES in AWS, files locally)."""
