@protocol @Subscribe @GetStreamingEvents
Feature: Streaming notifications: GetStreamingEvents
  From Exchange 2010 SP1 a client can hold one HTTP answer open and have the server write each
  change to it as it happens, instead of polling. The answer is a series of whole SOAP envelopes:
  ConnectionStatus OK at the start and as a heartbeat, notifications as changes come, and
  ConnectionStatus Closed when the connection time is up.

  # through ews-javascript-api's StreamingSubscriptionConnection; streaming arrived with 2010 SP1
  @since:Exchange2010_SP1
  Scenario: New mail reaches an open connection as it happens
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to streaming "NewMailEvent, CreatedEvent" in inbox
    And a streaming connection of 1 minute is opened for the subscription
    When a message "Streamed quote" arrives in the inbox of alice@acme.test
    And a message "Not watched" arrives in the sentitems of alice@acme.test
    Then the connection reports, within 5 seconds:
      | CreatedEvent | Streamed quote | Inbox |
      | NewMailEvent | Streamed quote | Inbox |
    When the client closes the connection
    Then the subscription has no open connection and has not expired

  @since:Exchange2010_SP1
  Scenario: Mail that arrived while no connection was open goes out as soon as one opens
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to streaming "NewMailEvent, CreatedEvent" in inbox
    And a message "Arrived before" arrives in the inbox of alice@acme.test
    When a streaming connection of 1 minute is opened for the subscription
    Then the connection reports, within 5 seconds:
      | CreatedEvent | Arrived before | Inbox |
      | NewMailEvent | Arrived before | Inbox |

  @since:Exchange2010_SP1
  Scenario: A second connection takes the subscription over; the first hears ErrorNewEventStreamConnectionOpened
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to streaming "NewMailEvent" in inbox
    And a streaming connection of 1 minute is opened for the subscription
    When a second streaming connection of 1 minute is opened for the subscription
    Then the client hears ErrorNewEventStreamConnectionOpened for its subscription, within 5 seconds
    When a message "After the switch" arrives in the inbox of alice@acme.test
    Then the second connection reports, within 5 seconds, NewMailEvent for "After the switch"

  @since:Exchange2010_SP1
  Scenario: A connection opened for a subscription that has expired hears why, for that subscription
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to streaming "NewMailEvent" in inbox
    And the streaming subscription is expired through the admin API
    When a streaming connection of 1 minute is tried for the subscription
    Then the client hears ErrorExpiredSubscription for its subscription, within 5 seconds

  @since:Exchange2010_SP1
  Scenario: A subscription that expires while streamed is reported on the connection, which then closes
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to streaming "NewMailEvent" in inbox
    And a streaming connection of 1 minute is opened for the subscription
    When the streaming subscription is expired through the admin API
    Then the client hears ErrorExpiredSubscription for its subscription, within 5 seconds
    And the client sees its streaming connection end, within 5 seconds

  # the subscriptions go with the store a reset replaces: their connections end rather than hang on, silent
  @since:Exchange2010_SP1
  Scenario: A reset of the mock ends open streaming connections
    Given svc-ews@acme.test impersonating alice@acme.test subscribes to streaming "NewMailEvent" in inbox
    And a streaming connection of 1 minute is opened for the subscription
    When the tester resets the mock through the admin API
    Then the client sees its streaming connection end, within 5 seconds

  @since:Exchange2010_SP1
  Scenario: The answer is whole envelopes: OK, heartbeats, and Closed when the connection time is up
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 450 ms
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:StreamingSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
        </m:StreamingSubscriptionRequest>
      </m:Subscribe>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the response has no Watermark element
    And the SubscriptionId in the response is noted as "stream"
    When svc-ews@acme.test impersonating alice@acme.test reads the streamed answer to:
      """
      <m:GetStreamingEvents>
        <m:SubscriptionIds><t:SubscriptionId>{{id:stream}}</t:SubscriptionId></m:SubscriptionIds>
        <m:ConnectionTimeout>1</m:ConnectionTimeout>
      </m:GetStreamingEvents>
      """
    Then the streamed answer is ConnectionStatus OK, at least 2 more OK heartbeats, then Closed, and ends

  @since:Exchange2010_SP1
  Scenario: A pull subscription is not streamed, nor a streaming one polled
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
    And the SubscriptionId and Watermark in the response are noted as "pull"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetStreamingEvents>
        <m:SubscriptionIds><t:SubscriptionId>{{id:pull}}</t:SubscriptionId></m:SubscriptionIds>
        <m:ConnectionTimeout>1</m:ConnectionTimeout>
      </m:GetStreamingEvents>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidSubscription
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:StreamingSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
        </m:StreamingSubscriptionRequest>
      </m:Subscribe>
      """
    And the SubscriptionId in the response is noted as "stream"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:GetEvents><m:SubscriptionId>{{id:stream}}</m:SubscriptionId><m:Watermark>{{watermark:pull}}</m:Watermark></m:GetEvents>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidSubscription

  @since:Exchange2010_SP1
  Scenario: A subscription id that names nothing is answered at once, naming it, and the connection closed
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetStreamingEvents>
        <m:SubscriptionIds><t:SubscriptionId>bm8gc3VjaCBzdWJzY3JpcHRpb24=</t:SubscriptionId></m:SubscriptionIds>
        <m:ConnectionTimeout>1</m:ConnectionTimeout>
      </m:GetStreamingEvents>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorSubscriptionNotFound
    And the first SubscriptionId in the response has the text "bm8gc3VjaCBzdWJzY3JpcHRpb24="
    And the first ConnectionStatus in the response has the text "Closed"

  # the operation exists from Exchange 2010 SP1; an older RequestServerVersion cannot use it
  @since:Exchange2010_SP1
  Scenario: Streaming under an Exchange 2010 RequestServerVersion is refused
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2010 the SOAP body:
      """
      <m:Subscribe>
        <m:StreamingSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
        </m:StreamingSubscriptionRequest>
      </m:Subscribe>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion
