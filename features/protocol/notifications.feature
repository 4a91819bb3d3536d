@protocol @Subscribe @GetEvents @Unsubscribe
Feature: Pull notifications: Subscribe, GetEvents, Unsubscribe
  An integration that wants to hear of new mail without polling every folder subscribes to the
  folders it watches and asks for the events since its last watermark. Deliveries come as a
  CreatedEvent and a NewMailEvent, moves as one MovedEvent naming both places, and a subscription
  not read within its timeout expires.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: New mail in the watched folder: a CreatedEvent and a NewMailEvent, then nothing more
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to "NewMailEvent, CreatedEvent" in inbox
    When a message "Quote request" arrives in the inbox of alice@acme.test
    And a message "Elsewhere" arrives in the sentitems of alice@acme.test
    And the subscription is polled
    Then the events are:
      | CreatedEvent | Quote request | Inbox |
      | NewMailEvent | Quote request | Inbox |
    When the subscription is polled
    Then the poll finds no events

  @since:Exchange2007_SP1
  Scenario: Changes, copies, moves and deletes as the watched folder sees them
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to "CreatedEvent, DeletedEvent, ModifiedEvent, MovedEvent, CopiedEvent" in inbox
    And the names in the mailbox of the subscription are noted
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Signed contract" as unread
    And svc-ews@acme.test impersonating alice@acme.test copies the inbox message "Signed contract" to inbox
    And the names in the mailbox of the subscription are noted
    And svc-ews@acme.test impersonating alice@acme.test moves the inbox message "Signed contract" to "Inbox/Projects"
    And a message "Spam offer" arrives in the inbox of alice@acme.test
    And the names in the mailbox of the subscription are noted
    And svc-ews@acme.test impersonating alice@acme.test deletes the inbox message "Spam offer" with HardDelete
    And the subscription is polled
    Then the events are:
      | ModifiedEvent | Signed contract | Inbox          |                 |       |
      | CopiedEvent   | Signed contract | Inbox          | Signed contract | Inbox |
      | MovedEvent    | Signed contract | Inbox/Projects | Signed contract | Inbox |
      | CreatedEvent  | Spam offer      | Inbox          |                 |       |
      | DeletedEvent  | Spam offer      | Inbox          |                 |       |

  @since:Exchange2007_SP1
  Scenario: A folder moved out of the watched folder is one MovedEvent naming where it went and where it was
    Given svc-ews@acme.test impersonating alice@acme.test creates the folder "Archive 2026" under inbox
    And svc-ews@acme.test impersonating alice@acme.test subscribes to "CreatedEvent, ModifiedEvent, MovedEvent" in inbox
    And the names in the mailbox of the subscription are noted
    When the folder "Inbox/Archive 2026" of alice@acme.test is moved under drafts
    And the subscription is polled
    Then the events are:
      | MovedEvent | Drafts/Archive 2026 | Drafts | Drafts/Archive 2026 | Inbox |

  # SubscribeToAllFolders arrived with Exchange 2010
  @since:Exchange2010
  Scenario: A subscription to every folder sees folders created and one MovedEvent for a move between two of them
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to "CreatedEvent, MovedEvent" in all folders
    And the names in the mailbox of the subscription are noted
    When svc-ews@acme.test impersonating alice@acme.test creates the folder "Processed" under inbox
    And svc-ews@acme.test impersonating alice@acme.test moves the inbox message "Signed contract" to "Inbox/Processed"
    And the subscription is polled
    Then the events are:
      | CreatedEvent | Inbox/Processed | Inbox           |                 |       |
      | MovedEvent   | Signed contract | Inbox/Processed | Signed contract | Inbox |

  @since:Exchange2007_SP1
  Scenario: More events than one answer holds: MoreEvents, and the rest on the next call
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to "NewMailEvent" in inbox
    When 60 messages arrive in the inbox of alice@acme.test
    And the subscription is polled
    Then the poll says 50 events came and more are waiting
    When the subscription is polled
    Then the events are:
      | NewMailEvent | Bulk 51 | Inbox |
      | NewMailEvent | Bulk 52 | Inbox |
      | NewMailEvent | Bulk 53 | Inbox |
      | NewMailEvent | Bulk 54 | Inbox |
      | NewMailEvent | Bulk 55 | Inbox |
      | NewMailEvent | Bulk 56 | Inbox |
      | NewMailEvent | Bulk 57 | Inbox |
      | NewMailEvent | Bulk 58 | Inbox |
      | NewMailEvent | Bulk 59 | Inbox |
      | NewMailEvent | Bulk 60 | Inbox |

  @since:Exchange2007_SP1
  Scenario: An expired subscription answers ErrorExpiredSubscription; once ended, ErrorSubscriptionNotFound
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to "NewMailEvent" in inbox
    Then the subscription was made
    When the subscription is expired through the admin API
    And the subscription is polled
    Then the client call fails with ErrorExpiredSubscription
    When the subscription is ended
    Then the client call succeeds
    When the subscription is polled
    Then the client call fails with ErrorSubscriptionNotFound

  Scenario: Only the account that subscribed reads the events; a watermark must be one the server gave
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:PullSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
          <t:Timeout>5</t:Timeout>
        </m:PullSubscriptionRequest>
      </m:Subscribe>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the SubscriptionId and Watermark in the response are noted as "sub"
    When alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetEvents><m:SubscriptionId>{{id:sub}}</m:SubscriptionId><m:Watermark>{{watermark:sub}}</m:Watermark></m:GetEvents>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorSubscriptionAccessDenied
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetEvents><m:SubscriptionId>{{id:sub}}</m:SubscriptionId><m:Watermark>AAAAAAAAAAAAAAAA</m:Watermark></m:GetEvents>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidWatermark
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetEvents><m:SubscriptionId>{{id:sub}}</m:SubscriptionId><m:Watermark>{{watermark:sub}}</m:Watermark></m:GetEvents>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the first StatusEvent in the response has these child elements in order:
      | Watermark |

  Scenario Outline: A subscription the schema does not allow is a schema fault: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:PullSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>
          <types>
          <t:Timeout><timeout></t:Timeout>
        </m:PullSubscriptionRequest>
      </m:Subscribe>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                   | types                                                                  | timeout | message                          |
      | a timeout of 0 minutes | <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>  | 0       | The MinInclusive constraint failed |
      | a timeout over a day   | <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>  | 1441    | The MaxInclusive constraint failed |
      | an unknown event type  | <t:EventTypes><t:EventType>ReadEvent</t:EventType></t:EventTypes>     | 5       | NotificationEventTypeType          |
      | no event types         |                                                                        | 5       | 'EventTypes'                       |
