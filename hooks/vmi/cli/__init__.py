"""The ``vmi`` command line for editors."""
