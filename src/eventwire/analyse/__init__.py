"""Analysis stages: actors, quotes, events, figures.  Each is a module with ``run(article, settings)``
and a ``NEEDS`` set naming the spaCy components it reads."""
