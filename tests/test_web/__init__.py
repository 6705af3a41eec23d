"""Tests of the web app (starbar.web)."""
