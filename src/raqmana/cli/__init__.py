"""The ``raqmana`` command line."""
