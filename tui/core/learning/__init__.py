"""The learner's side of the core: what state each word is in, and how review moves it."""
