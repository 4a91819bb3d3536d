@protocol @SyncFolderItems
Feature: Item synchronisation through SyncFolderItems
  A syncer pages through a folder once, keeps the opaque SyncState, and later asks only for what
  changed: Create, Update, Delete and ReadFlagChange, folded into net changes per item.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An initial sync pages through the Inbox until IncludesLastItemInRange
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 10 at a time
    Then the sync pages held "10, 10, 3" changes
    And every change is a Create and together they name 23 distinct messages
    And the local copy of alice@acme.test's inbox matches the mailbox

  Scenario: Exchange 2010 SP2 returns an initial sync newest first, across pages
    Given the mock emulates Exchange2010_SP2
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 4 at a time
    Then the created messages come newest first by DateTimeReceived

  Scenario: Exchange 2010 returns an initial sync oldest first
    Given the mock emulates Exchange2010
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 4 at a time
    Then the created messages come oldest first by DateTimeReceived

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message sent to the user shows up as one Create in the next sync
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When bob@acme.test sends alice@acme.test the message "Lunch on Friday?"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Create | Lunch on Friday? | unread |
    And the local copy of alice@acme.test's inbox matches the mailbox

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Marking a message unread is a ReadFlagChange, changing its categories an Update
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as unread
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | ReadFlagChange | Signed contract | unread |
    When svc-ews@acme.test impersonating alice@acme.test sets the categories of the inbox message "Signed contract" to "Legal"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Update | Signed contract |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A hard-deleted message is a Delete
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When svc-ews@acme.test impersonating alice@acme.test deletes the inbox message "Signed contract" with HardDelete
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Delete | Signed contract |
    And the local copy of alice@acme.test's inbox matches the mailbox

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Moving a message is a Delete in the source folder and a Create in the target
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of "Inbox/Projects" 512 at a time
    When svc-ews@acme.test impersonating alice@acme.test moves the inbox message "Signed contract" to "Inbox/Projects"
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Delete | Signed contract |
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of "Inbox/Projects" again
    Then the sync reports these changes:
      | Create | Signed contract |
    And the local copy of alice@acme.test's "Inbox/Projects" matches the mailbox

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message created and deleted between two syncs is not reported at all
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When a message "Here and gone" arrives in the inbox of alice@acme.test
    And the message "Here and gone" is deleted from the inbox of alice@acme.test
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports no changes and nothing more is available

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A message created and then read between two syncs is one Create with its current state
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When a message "Read at once" arrives in the inbox of alice@acme.test
    And svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Read at once" as read
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports these changes:
      | Create | Read at once | read |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Changes made while an initial sync is paging are not lost
    When svc-ews@acme.test impersonating alice@acme.test syncs one page of 10 items of inbox
    And a message "Arrived mid-sync" arrives in the inbox of alice@acme.test
    And the message "Signed contract" is deleted from the inbox of alice@acme.test
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 10 at a time
    Then the local copy of alice@acme.test's inbox matches the mailbox

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Ignored items are left out of the changes
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as unread
    And svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Réunion d'équipe — 会議 📅" as read
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again, ignoring "Signed contract"
    Then the sync reports these changes:
      | ReadFlagChange | Réunion d'équipe — 会議 📅 | read |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A sync state from another folder or another mailbox is refused
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of sentitems with the sync state of alice@acme.test's inbox
    Then the client call fails with ErrorInvalidSyncStateData
    When svc-ews@acme.test impersonating bob@acme.test syncs the items of inbox with the sync state of alice@acme.test's inbox
    Then the client call fails with ErrorInvalidSyncStateData

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A hierarchy sync state is refused by SyncFolderItems
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox with the hierarchy sync state
    Then the client call fails with ErrorInvalidSyncStateData

  Scenario Outline: A forged or altered sync state is refused: <what>
    When svc-ews@acme.test impersonating alice@acme.test posts a SyncFolderItems for inbox with the sync state <state>
    Then the HTTP status is 200
    And the response messages have these ResponseCodes:
      | ErrorInvalidSyncStateData |
    And the error message still carries an empty SyncState and IncludesLastItemInRange true

    Examples:
      | what                         | state                              |
      | not base64                   | "not a sync state!"                |
      | base64 of nothing we issued  | "SDRzSUFBQUFBQUFFQU8yOUIyQWNTWlk=" |
      | a real state with one change | of an earlier sync, altered        |

  Scenario Outline: MaxChangesReturned outside 1..512 fails schema validation (<value>)
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:MaxChangesReturned><value></m:MaxChangesReturned>
      </m:SyncFolderItems>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<violation>"

    Examples:
      | value | violation                          |
      | 0     | The MinInclusive constraint failed |
      | 513   | The MaxInclusive constraint failed |
      | 10.5  | is not a valid Int32 value         |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A sync of a folder deleted since is ErrorSyncFolderNotFound
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of "Inbox/Projects" 512 at a time
    When the folder "Inbox/Projects" of alice@acme.test is deleted
    And svc-ews@acme.test impersonating alice@acme.test syncs the items of "Inbox/Projects" again
    Then the client call fails with ErrorSyncFolderNotFound

  # ErrorIncorrectSchemaVersion needs a server whose schema has SyncScope (Exchange 2010)
  @since:Exchange2010
  Scenario: SyncScope is refused when the request asks for a version older than Exchange 2010
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2007_SP1 the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:MaxChangesReturned>5</m:MaxChangesReturned>
        <m:SyncScope>NormalItems</m:SyncScope>
      </m:SyncFolderItems>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion

  @Exchange2010_SP2
  Scenario: NumberOfDays is not in an Exchange 2010 SP2 server's schema
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:MaxChangesReturned>5</m:MaxChangesReturned>
        <m:NumberOfDays>7</m:NumberOfDays>
      </m:SyncFolderItems>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation

  Scenario: NumberOfDays limits an Exchange 2013 initial sync to recent mail
    Given the mock emulates Exchange2013
    And a message "Fresh news" arrives in the inbox of alice@acme.test
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:MaxChangesReturned>512</m:MaxChangesReturned>
        <m:SyncScope>NormalItems</m:SyncScope>
        <m:NumberOfDays>1</m:NumberOfDays>
      </m:SyncFolderItems>
      """
    Then the response lists the message subjects:
      | Fresh news |

  # ReadFlagChange arrived with Exchange 2007 SP1; ews-javascript-api marks the message unread
  @since:Exchange2007_SP1
  Scenario: Asked under Exchange 2007, a read flag change is an Update (ReadFlagChange came with SP1)
    When alice@acme.test speaking Exchange2007 posts, with the noted ids, the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:MaxChangesReturned>512</m:MaxChangesReturned>
      </m:SyncFolderItems>
      """
    And the SyncState answered is noted as "start"
    And svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as unread
    And alice@acme.test speaking Exchange2007 posts, with the noted ids, the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:SyncState>{{data:start}}</m:SyncState>
        <m:MaxChangesReturned>512</m:MaxChangesReturned>
      </m:SyncFolderItems>
      """
    Then the sync answer holds the changes "Update"
    When alice@acme.test speaking Exchange2007_SP1 posts, with the noted ids, the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>
        <m:SyncState>{{data:start}}</m:SyncState>
        <m:MaxChangesReturned>512</m:MaxChangesReturned>
      </m:SyncFolderItems>
      """
    Then the sync answer holds the changes "ReadFlagChange"
