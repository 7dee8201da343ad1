"""Reports for editors: self-contained files and console summaries made from workflow results."""
