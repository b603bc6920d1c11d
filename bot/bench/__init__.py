"""`quizbot bench`: seeded synthetic data and the timings of issue 9, each beside its baseline.

Speed lives here, never in the test suite (numbers vary by machine): data.py makes packs and a
year of attempts, figures.py times answers, leaderboards, start-up and ask, stall.py probes the
event loop during a simulated live quiz.
"""
