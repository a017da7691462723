"""Perception surveys: XLSForms in and out (pyxform), KoboToolbox/ODK submission exports, perception scoring.

Pure domain code: it imports the frameworks and scoring packages only, never the store, web or CLI.
"""
