Feature: MIME content follows the item's version
  GetItem's MimeContent is composed from the message's fields once per item version (ItemId and
  ChangeKey) and reused while the message is unchanged. A change gives a new version, so a client
  reading the MIME again sees the change, never the bytes of the version before.

  Scenario: The same version reads the same bytes; a changed subject is in the next read
    Given alice@acme.test has an Inbox message whose subject is this JSON string:
      """
      "Budget draft"
      """
    When alice@acme.test reads the MIME content of that message
    And alice@acme.test reads the MIME content of that message
    Then MIME read 1 has the header "Subject: Budget draft"
    And MIME reads 1 and 2 are the same bytes
    When alice@acme.test sets the subject of that message to "Budget final"
    And alice@acme.test reads the MIME content of that message
    Then MIME read 3 has the header "Subject: Budget final"
    When alice@acme.test sets the subject of that message to "Budget draft"
    And alice@acme.test reads the MIME content of that message
    Then MIME read 4 has the header "Subject: Budget draft"
