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

  # StatusFrequency 30 "minutes" of 300 ms is 9 s: the first StatusEvent comes at once, not then
  @since:Exchange2007_SP1
  Scenario: The first post goes out as soon as the subscription is made
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 300 ms
    And a push listener that answers OK
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 30 minutes
    Then the listener receives a StatusEvent for the subscription within 2 seconds

  @since:Exchange2007_SP1
  Scenario: A listener answering Unsubscribe ends the subscription
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 300 ms
    And a push listener that answers Unsubscribe
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 1 minute
    Then the mock ends the push subscription within 5 seconds

  # A post that fails is retried 30 s after the failure, then 60, 120, 240… s after it, for as long
  # as StatusFrequency lasts (StatusFrequency in Microsoft's EWS reference); a "minute" lasts 200 ms
  # here, so the retries come 100, 200, 400, 800 ms after the failed post.
  @since:Exchange2007_SP1
  Scenario Outline: A listener that never answers is retried on the doubling schedule, then loses the subscription (StatusFrequency <minutes>)
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 200 ms
    And a push listener that answers failure
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every <minutes> minutes
    Then the mock ends the push subscription within 10 seconds
    And the listener received <posts> posts in all

    Examples:
      | minutes | posts |
      | 1       | 3     |
      | 2       | 4     |
      | 4       | 5     |

  @since:Exchange2007_SP1
  Scenario: A listener back before StatusFrequency runs out gets, on the next retry, the events it missed
    Given the mock streams a heartbeat every 100 ms and counts a minute of connection time as 400 ms
    And a push listener that answers failure
    When svc-ews@acme.test impersonating alice@acme.test subscribes the listener to push "NewMailEvent" in inbox every 2 minutes
    And a message "While it was down" arrives in the inbox of alice@acme.test
    Then the listener has refused a post within 5 seconds
    When the push listener now answers OK
    Then the listener receives, within 5 seconds, a notification of:
      | NewMailEvent | While it was down | Inbox |
    And the push subscription is still listed by the admin API

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
