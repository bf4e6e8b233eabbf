"""The one library API of Civicwatch: what the CLI, the web app, background tasks and tests
call. Views and commands stay thin; the policies (what ingest does, how a review decision
reaches the case files) live here, once.

- :mod:`.documents`: ingest files and bytes, re-extract;
- :mod:`.review`: list, accept, correct and reject claims;
- :mod:`.persons`: people, case files, merge and unmerge;
- :mod:`.cases`: rebuild, follow-ups, political prisoners.

Each module imports Django models, so import it after Django is set up.
"""
