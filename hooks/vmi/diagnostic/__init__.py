"""The self-diagnosis questionnaire: its identity and version, its recommendation thresholds."""
