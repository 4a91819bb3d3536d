@reliability @syncer @mock-only
Feature: A killed syncer restarts without losing or duplicating mail
  The syncer runs as a real process. SIGKILL lands at seeded random points of its runs (counted in
  EWS requests), with new mail arriving between restarts; SQLite's WAL and one transaction per
  batch keep the database consistent and the next run releases the killed run's mailboxes. SIGTERM
  lets the batches in progress finish and exits normally. Two runs started at once never sync the
  same mailbox. The long version (20 kills): npx tsx scripts/kill-sync.ts

  @slow
  Scenario: Killed three times, stopped once, run twice at once: the database equals the mock
    When the syncer of 4 mailboxes is killed at 3 random points with seed 5, then stopped with SIGTERM, then run twice at once
    Then every kill landed and the SIGTERM run exited normally, logging why
    And no mailbox was synced by both concurrent runs
    And no mailbox is left in progress
    And the database holds exactly the mail of the mock after the restarts, each message once
