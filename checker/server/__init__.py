"""``checker serve``: a local web page and JSON API for checking a pasted draft."""
