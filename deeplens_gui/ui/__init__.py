"""Qt layer: threads, windows and widgets. May import core; core never imports this."""
