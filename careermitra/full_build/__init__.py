"""The full build at national size on AWS: a Step Functions Distributed Map over shards of institutions."""
