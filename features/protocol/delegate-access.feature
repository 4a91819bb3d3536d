@protocol @delegate
Feature: Delegate access to another mailbox with FullAccess
  A user with FullAccess on a mailbox (scenario file `mailboxPermissions`, as Add-MailboxPermission
  gives it) opens that mailbox's folders and items without impersonation, as a help desk works a
  shared mailbox: DistinguishedFolderId with a Mailbox, or the ids of its folders and items. An
  impersonated request has the impersonated user's permissions. Without the permission it is
  ErrorAccessDenied; a mailbox that does not exist is ErrorNonExistentMailbox. FullAccess alone does
  not send as the mailbox: ErrorSendAsDenied (send-as.feature has the rights that do).

  Background:
    Given the mock serves the scenario "shared-mailbox.yaml"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A user with FullAccess lists the shared mailbox's Inbox without impersonation
    When alice@acme.test finds items in the inbox of support@acme.test as a delegate
    Then the subjects found are:
      | Password reset  |
      | Printer on fire |
    When alice@acme.test binds to the inbox folder of support@acme.test without impersonation
    Then the folder is "Inbox" with 2 items

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Without the permission the mailbox is out of reach; one that does not exist says so
    When bob@acme.test finds items in the inbox of support@acme.test as a delegate
    Then the client call fails with ErrorAccessDenied
    When alice@acme.test finds items in the inbox of nobody@acme.test as a delegate
    Then the client call fails with ErrorNonExistentMailbox

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: An impersonated request has the impersonated user's permissions
    When svc-ews@acme.test impersonating alice@acme.test finds items in the inbox of support@acme.test as a delegate
    Then the subjects found are:
      | Password reset  |
      | Printer on fire |
    When svc-ews@acme.test impersonating bob@acme.test finds items in the inbox of support@acme.test as a delegate
    Then the client call fails with ErrorAccessDenied

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A delegate changes an item, and moves one into its own mailbox
    When alice@acme.test marks the inbox message "Printer on fire" of support@acme.test as read as a delegate
    Then the client call succeeds
    And the inbox of support@acme.test holds "Printer on fire" as a read message
    When alice@acme.test moves the inbox message "Password reset" of support@acme.test to the inbox of alice@acme.test as a delegate
    Then the client call succeeds
    And the inbox of support@acme.test does not hold "Password reset"
    And the inbox of alice@acme.test holds "Password reset" as an unread message

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A delegate saves a draft in the shared mailbox but cannot send as it
    When alice@acme.test saves the draft "We are on it" to "petra@customer.test" in the drafts of support@acme.test as a delegate, then sends it
    Then the client call fails with ErrorSendAsDenied
    And FindItem counts 1 messages in the drafts of support@acme.test
    And FindItem counts 0 messages in the sentitems of alice@acme.test

  @needs-admin
  Scenario Outline: A permission list the rules refuse changes nothing: <case>
    Given the tester notes the store digest as "start"
    When the tester sends PUT "/mailbox-permissions" to the admin API with JSON:
      """
      <body>
      """
    Then the admin API answers 400 naming the field "<field>"
    And the store digest is still "start"

    Examples:
      | case                 | body                                                                                  | field             |
      | an account of nobody | [{ "mailbox": "support@acme.test", "user": "ghost@acme.test" }]                       | [0].user          |
      | another right        | [{ "mailbox": "support@acme.test", "user": "bob@acme.test", "accessRights": "ReadPermission" }] | [0].accessRights  |
      | an unknown field     | [{ "mailbox": "support@acme.test", "user": "bob@acme.test", "folder": "inbox" }]      | [0].folder        |
      | not a list           | { "mailbox": "support@acme.test", "user": "bob@acme.test" }                           | body              |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @needs-admin @since:Exchange2007_SP1
  Scenario: The admin API reads and replaces the mailbox permissions; a refused list changes nothing
    When the tester sends GET "/mailbox-permissions" to the admin API
    Then the admin API answers 200
    And the admin answer has:
      | [0].mailbox      | support@acme.test |
      | [0].user         | alice@acme.test   |
      | [0].accessRights | FullAccess        |
    Given the tester notes the store digest as "start"
    When the tester sends PUT "/mailbox-permissions" to the admin API with JSON:
      """
      [{ "mailbox": "support@acme.test", "user": "bob@acme.test" }]
      """
    Then the admin API answers 200
    And the store digest has changed since "start"
    Given the tester notes the store digest as "bob"
    When bob@acme.test finds items in the inbox of support@acme.test as a delegate
    Then the subjects found are:
      | Password reset  |
      | Printer on fire |
    When alice@acme.test finds items in the inbox of support@acme.test as a delegate
    Then the client call fails with ErrorAccessDenied
    When the tester sends PUT "/mailbox-permissions" to the admin API with JSON:
      """
      [{ "mailbox": "support@acme.test", "user": "alice@acme.test" }, { "mailbox": "nobody@acme.test", "user": "alice@acme.test" }]
      """
    Then the admin API answers 400 naming the field "[1].mailbox"
    And the store digest is still "bob"
    When the tester sends GET "/mailbox-permissions" to the admin API
    Then the admin answer is a list of 1
    And the admin answer has:
      | [0].user | bob@acme.test |

  # Sync results come newest first from Exchange 2010 SP2 on, oldest first before.
  @since:Exchange2010_SP2
  Scenario: SyncFolderItems of the shared mailbox's Inbox on the wire, as a delegate
    When alice@acme.test posts the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>support@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SyncFolderId>
        <m:MaxChangesReturned>10</m:MaxChangesReturned>
      </m:SyncFolderItems>
      """
    Then the response messages have these ResponseCodes:
      | NoError |
    And the response lists the message subjects:
      | Password reset  |
      | Printer on fire |
    When bob@acme.test posts the SOAP body:
      """
      <m:SyncFolderItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SyncFolderId><t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>support@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SyncFolderId>
        <m:MaxChangesReturned>10</m:MaxChangesReturned>
      </m:SyncFolderItems>
      """
    Then the response messages have these ResponseCodes:
      | ErrorAccessDenied |

  Scenario: A folder does not move across mailboxes, even for a delegate who may open both
    When alice@acme.test posts the SOAP body:
      """
      <m:MoveFolder>
        <m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId>
        <m:FolderIds><t:DistinguishedFolderId Id="junkemail"><t:Mailbox><t:EmailAddress>support@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:FolderIds>
      </m:MoveFolder>
      """
    Then the response messages have these ResponseCodes:
      | ErrorCrossMailboxMoveCopy |

  # exchangelib (Python) opens the mailbox with its DELEGATE access type: GetFolder, FindItem,
  # FindFolder and SyncFolderItems of the shared mailbox, each naming it in a t:Mailbox. It logs on
  # with Basic, which Exchange Online refuses.
  @since:Exchange2010 @until:Exchange2019
  Scenario: exchangelib works the shared mailbox as a delegate; without the permission it is refused
    When exchangelib as alice@acme.test opens the mailbox support@acme.test as a delegate and reads it
    Then exchangelib found 2 messages in Inbox, newest first "Password reset", no subfolder and 2 created by a full sync
    And exchangelib opened the standard folders, empty:
      | Calendar | Calendar | 0 |
      | Contacts | Contacts | 0 |
      | Tasks    | Tasks    | 0 |
    When exchangelib as bob@acme.test opens the mailbox support@acme.test as a delegate and reads it
    Then exchangelib failed with "ErrorAccessDenied"

  Scenario: A delegate subscribes to the shared mailbox's Inbox; one subscription keeps to one mailbox
    When alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:PullSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>support@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
          <t:Timeout>10</t:Timeout>
        </m:PullSubscriptionRequest>
      </m:Subscribe>
      """
    Then the response messages have these ResponseCodes:
      | NoError |
    When alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:PullSubscriptionRequest>
          <t:FolderIds>
            <t:DistinguishedFolderId Id="inbox"/>
            <t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>support@acme.test</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>
          </t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
          <t:Timeout>10</t:Timeout>
        </m:PullSubscriptionRequest>
      </m:Subscribe>
      """
    Then the response messages have these ResponseCodes:
      | ErrorInvalidSubscriptionRequest |
