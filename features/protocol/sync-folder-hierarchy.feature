@protocol @SyncFolderHierarchy
Feature: Folder synchronisation through SyncFolderHierarchy
  A syncer learns the folder tree once, then only the folders created, renamed, moved or deleted.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An initial hierarchy sync without a root lists every folder of the mailbox, parents first
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    Then the hierarchy sync reports these changes:
      | Create | Top of Information Store |
      | Create | Inbox                    |
      | Create | Projects                 |
      | Create | Archive 2025             |
      | Create | Sent Items               |
      | Create | Drafts                   |
      | Create | Deleted Items            |
      | Create | Junk Email               |
      | Create | Outbox                   |
      | Create | Calendar                 |
      | Create | Contacts                 |
      | Create | Tasks                    |
      | Create | Notes                    |
      | Create | Journal                  |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An initial hierarchy sync under the Inbox lists only its subtree
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy under inbox
    Then the hierarchy sync reports these changes:
      | Create | Projects     |
      | Create | Archive 2025 |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Renamed, created and deleted folders come as Update, Create and Delete
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    When the folder "Inbox/Projects" of alice@acme.test is renamed to "Projects 2026"
    And a folder "Invoices" is created under "Inbox/Projects 2026" of alice@acme.test
    And the folder "Inbox/Projects 2026/Archive 2025" of alice@acme.test is deleted
    And svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    Then the hierarchy sync reports these changes:
      | Update | Projects 2026 |
      | Create | Invoices      |
      | Delete | Archive 2025  |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Moving a folder out of the synced subtree deletes it and its children there
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy under inbox
    When the folder "Inbox/Projects" of alice@acme.test is moved under msgfolderroot
    And svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy under inbox
    Then the hierarchy sync reports these changes:
      | Delete | Projects     |
      | Delete | Archive 2025 |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Nothing changed, nothing reported
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    Then the hierarchy sync reports no changes

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An item sync state is refused by SyncFolderHierarchy
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy with the item sync state of inbox
    Then the client call fails with ErrorInvalidSyncStateData

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A state from a sync without a root is refused for a sync under msgfolderroot
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    When svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy under msgfolderroot
    Then the client call fails with ErrorInvalidSyncStateData

  Scenario: Raw SOAP: the answer carries SyncState, IncludesLastFolderInRange and t:Folder changes
    When svc-ews@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:SyncFolderHierarchy>
        <m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
      </m:SyncFolderHierarchy>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the first IncludesLastFolderInRange in the response has the text "true"
    And the response creates the folders "Builds"

  Scenario: A forged hierarchy sync state is refused, the answer still carrying an empty SyncState
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SyncFolderHierarchy>
        <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
        <m:SyncState>SDRzSUFBQUFBQUFFQU8yOUIyQWNTWlk=</m:SyncState>
      </m:SyncFolderHierarchy>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidSyncStateData |
    And the error message still carries an empty SyncState and IncludesLastFolderInRange true
