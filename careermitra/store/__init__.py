"""DynamoDB access, one module per aggregate; callers depend on the small Protocol each module exports."""
