@protocol @Subscribe
Feature: Push notifications
  Exchange 2007 and later can post notifications to a listener the subscriber runs: the events as
  they happen, and a StatusEvent every StatusFrequency when nothing happens. The listener answers
  each with SubscriptionStatus OK, or Unsubscribe to end the subscription; one that stops answering
  loses it.

  # through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1; a "minute" of
  # StatusFrequency lasts 300 ms here
  @since:Exchange2007_SP1
  Scenario: New mail is posted to the listener, and a StatusEvent while nothing happens
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 300 ms
    And a push listener that answers OK
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent, CreatedEvent" in inbox every 1 minute
    And a message "Pushed quote" arrives in the inbox of alice@acme.test
    Then the listener receives, within 5 seconds, a notification of:
      | CreatedEvent | Pushed quote | Inbox |
      | NewMailEvent | Pushed quote | Inbox |
    And the listener receives a StatusEvent for the subscription within 5 seconds

  @since:Exchange2007_SP1
  Scenario: A listener answering Unsubscribe ends the subscription
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 300 ms
    And a push listener that answers Unsubscribe
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 1 minute
    Then the mock ends the push subscription within 5 seconds

  @since:Exchange2007_SP1
  Scenario: A listener that fails three times in a row loses the subscription
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 200 ms
    And a push listener that answers failure
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 1 minute
    Then the mock ends the push subscription within 5 seconds

  @since:Exchange2007_SP1
  Scenario: A push subscription expired through the admin API posts nothing more
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 200 ms
    And a push listener that answers OK
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 1 minute
    Then the listener receives a StatusEvent for the subscription within 5 seconds
    When the push subscription is expired through the admin API
    And a message "After the end" arrives in the inbox of alice@acme.test
    Then the mock posts nothing more to the listener over 700 ms

  # Unsubscribe ends pull and streaming subscriptions only ([MS-OXWSNTIF] 3.1.4.4).
  @since:Exchange2007_SP1
  Scenario: Unsubscribe does not end a push subscription: only its listener's answer does
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 300 ms
    And a push listener that answers OK
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 1 minute
    And svc-ews@acme.test impersonating alice@acme.test sends Unsubscribe for the push subscription
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidSubscription
    And the push subscription is still listed by the admin API
    And the listener receives a StatusEvent for the subscription within 5 seconds

  Scenario: A push subscription needs a StatusFrequency and an http(s) URL
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:Subscribe>
        <m:PushSubscriptionRequest>
          <t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>
          <t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>
          <t:StatusFrequency>1</t:StatusFrequency>
          <t:URL>mailto:listener@acme.test</t:URL>
        </m:PushSubscriptionRequest>
      </m:Subscribe>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "is not an http or https address"
