"""Career Mitra: an education directory of static pages with a small serverless backend."""
