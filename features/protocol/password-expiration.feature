@protocol @GetPasswordExpirationDate
Feature: When a password expires (GetPasswordExpirationDate)
  Exchange 2010 SP1 on tells when the password of a mailbox's account expires, so an integration
  can warn before its credentials stop working. The scenario file sets it per account
  (`passwordExpires`); an account without it has a password that never expires.

  @since:Exchange2010_SP1
  Scenario: ews-javascript-api reads the date, and nothing for a password that never expires
    When svc-ews@acme.test impersonating alice@acme.test asks through ews-javascript-api when the password of alice@acme.test expires
    Then the password expires at "2027-01-31T00:00:00Z"
    When svc-ews@acme.test impersonating bob@acme.test asks through ews-javascript-api when the password of bob@acme.test expires
    Then the password never expires

  @since:Exchange2010_SP1
  Scenario Outline: Another account's date is answered only where the request may open its mailbox: <case>
    When <login> posts the SOAP body:
      """
      <m:GetPasswordExpirationDate><m:MailboxSmtpAddress><address></m:MailboxSmtpAddress></m:GetPasswordExpirationDate>
      """
    Then the GetPasswordExpirationDate answer is <class> with the ResponseCode <code>

    Examples:
      | case                         | login             | address          | class   | code                    |
      | the caller's own             | alice@acme.test   | alice@acme.test  | Success | NoError                 |
      | a mailbox it may not open    | alice@acme.test   | bob@acme.test    | Error   | ErrorAccessDenied       |
      | an address naming no account | alice@acme.test   | ghost@acme.test  | Error   | ErrorNonExistentMailbox |
