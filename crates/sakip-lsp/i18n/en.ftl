# The words of the language server (sakip lsp) in English, beside its code;
# the core's catalogue (crates/sakip-core/i18n) holds the words every front
# end shares. Each message has the same id in id.ftl.

lsp-explain-no-indikator = put the cursor on an indikator's id to explain it
lsp-needs-unit = explain and preview work on a unit's files; `{ $path }` belongs to no unit (satker)
lsp-no-year = the unit has no agreement or data for any year yet
