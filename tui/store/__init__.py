"""The user's own data: settings and config, word list, reading positions, library, user
glossary and exports.

Above the core (it uses the core, the core never uses it) and below every interface."""
