"""Turns a saved web page or a plain-text article into a knowledge file (`python -m bot import`)."""
