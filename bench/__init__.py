"""The benchmark of issue 7: a synthetic national-size directory, built and measured."""
