@protocol @MarkAllItemsAsRead @MarkAsJunk
Feature: Marking a folder read, and messages as junk
  MarkAllItemsAsRead sets the read flag of every message of a folder at once; MarkAsJunk moves a
  message to Junk Email (or, marked not junk, back to the Inbox) under a new id.

  # Both operations arrived with Exchange 2013; ews-javascript-api asks for them speaking Exchange2013.
  Background:
    Given the mock emulates Exchange2016

  Scenario: Every message of a folder marked read at once, each a read-flag change for a syncer
    Given svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox 512 at a time
    And the unread messages in the inbox of alice@acme.test are counted
    When svc-ews@acme.test impersonating alice@acme.test marks every item of inbox as read
    Then the client call succeeds
    When svc-ews@acme.test impersonating alice@acme.test finds items in inbox where isread = false
    Then no items are found
    When svc-ews@acme.test impersonating alice@acme.test syncs the items of inbox again
    Then the sync reports one ReadFlagChange to read for each message that was unread, and nothing else

  Scenario: A message marked junk moves to Junk Email, and back to the Inbox when marked not junk
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as junk, moving it too
    Then the client call succeeds
    And the junkemail of alice@acme.test holds "Signed contract" as a read message
    And the inbox of alice@acme.test does not hold "Signed contract"
    When svc-ews@acme.test impersonating alice@acme.test marks the junkemail message "Signed contract" as not-junk, moving it too
    Then the inbox of alice@acme.test holds "Signed contract" as a read message

  Scenario: Marked junk without moving, the message stays where it is
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as junk, moving it not
    Then the client call succeeds
    And the inbox of alice@acme.test holds "Signed contract" as a read message

  Scenario: An Exchange 2010 server does not know MarkAllItemsAsRead
    Given the mock emulates Exchange2010_SP2
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2010_SP2 the SOAP body:
      """
      <m:MarkAllItemsAsRead>
        <m:ReadFlag>true</m:ReadFlag>
        <m:SuppressReadReceipts>true</m:SuppressReadReceipts>
        <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
      </m:MarkAllItemsAsRead>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "has invalid child element 'MarkAllItemsAsRead' in namespace"
