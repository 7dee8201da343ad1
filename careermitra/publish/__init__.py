"""Publishing the built site: the HTTP headers it is served with, S3 sync and CloudFront invalidation."""
