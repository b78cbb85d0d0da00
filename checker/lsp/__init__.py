"""``checker lsp``: a language server over stdio, so editors show findings as you type."""
