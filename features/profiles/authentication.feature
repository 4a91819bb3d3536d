@profiles
Feature: Authentication schemes per generation
  Every on-premises generation offers Windows authentication (Negotiate, NTLM) and Basic; 2016 and
  2019 also take OAuth tokens (hybrid modern authentication); Exchange Online takes OAuth only.
  A 401 lists one WWW-Authenticate header per offered scheme, which is how clients choose one.

  Scenario Outline: A 401 from <profile> lists the schemes it offers
    Given the mock emulates <profile>
    When a client without credentials posts a GetFolder for inbox and reads every challenge
    Then the 401 offers exactly these challenges, in order:
      | Negotiate   |
      | NTLM        |
      | Basic realm |

    @Exchange2007
    Examples:
      | profile      |
      | Exchange2007 |

    @Exchange2010_SP2
    Examples:
      | profile          |
      | Exchange2010_SP2 |

    @Exchange2013_SP1
    Examples:
      | profile          |
      | Exchange2013_SP1 |

  Scenario Outline: <profile> also offers Bearer tokens
    Given the mock emulates <profile>
    When a client without credentials posts a GetFolder for inbox and reads every challenge
    Then the 401 offers exactly these challenges, in order:
      | Negotiate   |
      | NTLM        |
      | Basic realm |
      | Bearer      |
    And the Bearer challenge names Exchange's client id and the trusted issuers

    @Exchange2016 @Exchange2019
    Examples:
      | profile      |
      | Exchange2016 |
      | Exchange2019 |

  @ExchangeOnline
  Scenario: Exchange Online offers Bearer only
    Given the mock emulates ExchangeOnline
    When a client without credentials posts a GetFolder for inbox and reads every challenge
    Then the 401 offers exactly these challenges, in order:
      | Bearer |
    And the Bearer challenge names Exchange's client id and the trusted issuers

  @ExchangeOnline
  Scenario: Exchange Online refuses Basic authentication and says why
    Given the mock emulates ExchangeOnline
    When alice@acme.test posts a GetFolder for inbox with Basic credentials and reads the answer
    Then the HTTP status is 401
    And the x-ms-diagnostics header has code 2000008 and category "invalid_grant"
    And the x-ms-diagnostics reason mentions "Basic authentication is disabled"

  Scenario Outline: ews-javascript-api's NTLM helper authenticates against <profile>
    Given the mock emulates <profile>
    When svc-ews@acme.test with password "Passw0rd!" impersonating alice@acme.test binds to the inbox folder through NTLM asking for <version>
    Then the folder is "Inbox" with 23 items
    And the mock journal shows the request authenticated as svc-ews@acme.test

    Examples:
      | profile          | version          |
      | Exchange2007_SP1 | Exchange2007_SP1 |
      | Exchange2010     | Exchange2010     |
      | Exchange2013     | Exchange2013     |
      | Exchange2016     | Exchange2016     |
      | Exchange2019     | Exchange2016     |

  Scenario: NTLM with a wrong password is refused
    Given the mock emulates Exchange2013
    When svc-ews@acme.test with password "wrong" impersonating alice@acme.test binds to the inbox folder through NTLM asking for Exchange2013
    Then the client call fails with HTTP status 401

  Scenario: The NTLM handshake on one connection authenticates the connection, not just the request
    Given the mock emulates Exchange2010_SP2
    When alice@acme.test with password "Passw0rd!" does the NTLM handshake on one connection and posts a GetFolder for inbox
    Then the folder in the answer is named "Inbox"
    And the NTLM CHALLENGE asks for NTLMv2 and names the domain "ACME"
    When a second GetFolder for sentitems without credentials goes over the same connection
    Then the folder in the answer is named "Sent Items"
    When a second GetFolder for inbox without credentials goes over a new connection
    Then the HTTP status is 401

  Scenario: A NEGOTIATE on a body-less GET and the AUTHENTICATE on another connection still authenticate
    Given the mock emulates Exchange2016
    When bob@acme.test sends the NTLM NEGOTIATE on one connection and the AUTHENTICATE with a GetFolder for inbox on another
    Then the folder in the answer is named "Inbox"

  Scenario: A wrong NTLMv2 response is answered 401 with the challenges again
    Given the mock emulates Exchange2019
    When alice@acme.test with password "not-her-password" does the NTLM handshake on one connection and posts a GetFolder for inbox
    Then the HTTP status is 401
    And the 401 offers exactly these challenges, in order:
      | Negotiate   |
      | NTLM        |
      | Basic realm |
      | Bearer      |

  Scenario: NTLM inside Negotiate is accepted
    Given the mock emulates Exchange2013_SP1
    When carol@globex.test does the NTLM handshake inside Negotiate and posts a GetFolder for inbox
    Then the folder in the answer is named "Inbox"

  Scenario Outline: An app-only token with full_access_as_app impersonates on <profile>
    Given the mock emulates <profile>
    When an application with a valid app-only token impersonating carol@globex.test binds to the inbox folder
    Then the client call succeeds
    And the mock journal shows the request authenticated as the test application

    @Exchange2016 @Exchange2019 @ExchangeOnline
    Examples:
      | profile        |
      | Exchange2016   |
      | Exchange2019   |
      | ExchangeOnline |

  Scenario: Exchange 2013 has no OAuth for EWS clients: a Bearer token is answered 401
    Given the mock emulates Exchange2013_SP1
    When an application with a valid app-only token impersonating alice@acme.test binds to the inbox folder
    Then the client call fails with HTTP status 401

  Scenario Outline: A <kind> token is refused with x-ms-diagnostics <code> <category> (<profile>)
    Given the mock emulates <profile>
    When an application posts a GetFolder for inbox impersonating alice@acme.test with a <kind> app-only token
    Then the HTTP status is 401
    And the x-ms-diagnostics header has code <code> and category "<category>"

    @ExchangeOnline
    Examples:
      | profile        | kind             | code    | category         |
      | ExchangeOnline | expired          | 2000001 | invalid_token    |
      | ExchangeOnline | forged           | 2000001 | invalid_token    |
      | ExchangeOnline | foreign-audience | 2000003 | invalid_resource |
      | ExchangeOnline | permissionless   | 2000008 | invalid_grant    |

    @Exchange2019
    Examples:
      | profile      | kind             | code    | category         |
      | Exchange2019 | foreign-audience | 2000003 | invalid_resource |
      | Exchange2019 | expired          | 2000001 | invalid_token    |

  @ExchangeOnline
  Scenario: A token from the admin API works against the mock that issued it
    Given the mock emulates ExchangeOnline
    When the tester asks the admin API for an app-only token
    Then the token carries the role "full_access_as_app" and the audience of the profile
    When the application uses that token impersonating bob@acme.test to bind to the inbox folder
    Then the client call succeeds

  @ExchangeOnline
  Scenario: A delegated token reaches its user's own mailbox on Exchange Online
    Given the mock emulates ExchangeOnline
    When alice@acme.test with a delegated token posts a GetFolder for inbox
    Then the folder in the answer is named "Inbox"
