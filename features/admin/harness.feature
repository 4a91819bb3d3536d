@mock-only @harness
Feature: The suite against another EWS endpoint
  Given EWS_TARGET_URL, the protocol features talk to that server instead of starting a mock;
  scenarios that need the mock's admin API are skipped there, saying why.

  Scenario: Protocol features pass against another server; admin scenarios are skipped with the reason
    Given another EWS server is running, with its admin API on a port of its own
    When the suite runs "features/protocol/folders.feature features/admin/server.feature" against it through EWS_TARGET_URL
    Then every scenario of "features/protocol/folders.feature" passed
    And every scenario of "features/admin/server.feature" was skipped, saying "needs the mock"
    And the other server's journal holds the GetFolder requests those scenarios sent
