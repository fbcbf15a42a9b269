"""Code a dependent of centralasia would write, checked by mypy --strict and pyright --strict (tests/test_typing.py); never collected by pytest."""
