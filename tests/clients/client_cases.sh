# The SQL and expected values every client test shares (sourced by the shell-driven tests; the other
# languages spell the same constants).
EMOJI_ID=17530498280938772
EMOJI_CAPTION='Good morning ☕😀 #coffee #morning'
