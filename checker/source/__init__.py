"""A draft against the text it was written from (``--source``): alignment and comparisons the
SR rules use; ``pairgen`` and ``evaluate`` are the lab side and are never imported by a check."""
