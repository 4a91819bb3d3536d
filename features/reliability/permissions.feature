@reliability @permissions @mock-only
Feature: Permission boundaries hold for any accounts, grants and requests
  A property test (fast-check) generates scenarios — accounts in three domains with departments,
  impersonation grants scoped to all, to domains or to mailboxes, with recipient filters and
  Exchange 2007 rights, mailbox permissions (FullAccess, SendAs, SendOnBehalf), on profiles of both
  impersonation models — and requests of every operation, sending as another mailbox,
  every ConnectingSID form, ids of other mailboxes, moves and copies across mailboxes, ConvertId
  and ResolveNames. A request succeeds exactly when the rules allow it; it never changes a mailbox it
  may not reach, and its answer never carries an id, subject or address of one. A failing case is
  shrunk and saved under fixtures/regressions/; the saved ones are replayed here.
  Longer runs: npx tsx scripts/permissions.ts --runs 200 --requests 40 [--seed N]

  @slow
  Scenario: 2,000 generated requests respect the permission rules
    When the permission property runs 50 scenarios of 40 requests each
    Then at least 2000 requests were tried
    And no request broke a permission rule

  Scenario: Saved regressions still hold
    When every saved permission regression is replayed
    Then no request broke a permission rule
