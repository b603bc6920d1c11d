"""The quiz domain: packs, judging, sessions, scoring, asking. Never imports discord."""
