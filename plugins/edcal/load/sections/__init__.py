"""calendar.yaml's sections, one module each, named after the section it reads: `posts:` in
``posts.py``, `key_dates:` in ``key_dates.py``, `freeze:` in ``freeze.py``… Two are named otherwise:
``repeat.py`` reads the posts' `repeat:`, and ``site_wide.py`` the settings only calendar.yaml may
hold (`blog:`, `tracking:`, `country:`, `exports:`, `feeds:`, `planning:`, `ambassadors:`).
``checks.py`` reads `checks:`, and the `silence:` of entries and articles.

Each section is read by ``read_<section>(reading, documents)`` (every calendar file), or
``read_<section>(reading, main)`` (calendar.yaml alone), in the order
:func:`edcal.load.calendar.load_calendar` gives: each after the sections it refers to.
``_reading.py`` is what they share.
"""
