-- checker as a language server in Neovim 0.11+: put this file in ~/.config/nvim/lsp/checker.lua
-- and call vim.lsp.enable("checker") from init.lua. Quick fixes: vim.lsp.buf.code_action().
return {
  cmd = { "checker", "lsp" }, -- add "--no-model" for rules only
  filetypes = { "markdown", "text", "html" },
  root_markers = { "checker.toml", ".checker.toml", "pyproject.toml", ".git" },
}
