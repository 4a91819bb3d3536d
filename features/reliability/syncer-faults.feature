@reliability @syncer @mock-only
Feature: The syncer loses nothing and duplicates nothing when the server misbehaves
  The mock answers a share of the syncer's requests with 503s, ErrorServerBusy with and without
  BackOffMilliseconds, connection resets, empty and truncated replies and delays (the admin API's
  fault engine, seeded). The syncer is run again for the mailboxes that failed until all succeed;
  its database then holds exactly the mail the mock holds in the synced folders.
  The large run (50 mailboxes, 15% faults): npx tsx scripts/chaos-sync.ts

  @slow
  Scenario: Eight mailboxes under 20% random faults end up exactly synced
    Given a chaos mock with 8 mailboxes of 6 messages per folder
    And the mock answers 20% of requests with random faults, seed 7
    When the syncer runs until every mailbox succeeded
    Then at least 10% of the requests were answered with a fault
    And the database holds exactly the mail of the mock, each message once
