@reliability @hostile @mock-only
Feature: Hostile and malformed requests change nothing
  Every request of fixtures/hostile/index.yaml — broken XML, XML attacks, wrong envelopes, unknown
  or incomplete operations, foreign and forged ids and sync states, absurd paging, wrong HTTP
  methods and content types, broken credentials — gets the answer Exchange gives (HTTP status,
  ResponseCode and faultcode, WWW-Authenticate for 401s). After each one the server still answers
  a normal request, its memory stays bounded and its store is byte-for-byte what it was.
  Run the corpus alone, with memory figures: npx tsx scripts/hostile-corpus.ts

  Scenario: The feature covers the whole corpus
    Then every request of the hostile corpus is an example of this feature

  Scenario Outline: <request>
    When the hostile request "<request>" is sent
    Then the answer is the one the corpus expects
    And the store is byte-for-byte unchanged
    And the mock still answers a normal GetFolder for alice@acme.test
    And the process memory grew by less than 256 MB

    Examples:
      | request                                |
      | not-xml                                |
      | truncated-xml                          |
      | wrong-envelope-namespace               |
      | soap-1.2-envelope                      |
      | empty-body                             |
      | whitespace-body                        |
      | empty-soap-body                        |
      | header-only-envelope                   |
      | two-soap-bodies                        |
      | root-is-an-operation                   |
      | undeclared-prefix                      |
      | mismatched-end-tag                     |
      | unquoted-attribute                     |
      | duplicate-attribute                    |
      | two-operations                         |
      | unknown-operation                      |
      | operation-in-types-namespace           |
      | unknown-element-in-getfolder           |
      | unknown-element-in-deleteitem          |
      | invalid-enum-baseshape                 |
      | invalid-enum-traversal                 |
      | invalid-enum-delete-type               |
      | invalid-enum-message-disposition       |
      | invalid-enum-convertid-format          |
      | missing-folder-ids                     |
      | missing-item-shape                     |
      | missing-item-ids                       |
      | missing-max-changes-returned           |
      | missing-unresolved-entry               |
      | malformed-item-id                      |
      | empty-item-id                          |
      | base64-garbage-item-id                 |
      | folder-id-given-as-item-id             |
      | foreign-item-id-getitem                |
      | foreign-item-id-deleteitem             |
      | foreign-item-id-updateitem             |
      | foreign-item-moved-into-own-inbox      |
      | own-item-copied-into-foreign-folder    |
      | malformed-folder-id                    |
      | foreign-folder-id                      |
      | foreign-distinguished-folder-mailbox   |
      | foreign-item-created-in-foreign-folder |
      | malformed-change-key                   |
      | change-key-of-another-item             |
      | convertid-foreign-id                   |
      | sync-state-of-another-folder           |
      | sync-state-of-another-mailbox          |
      | forged-sync-state                      |
      | garbage-sync-state                     |
      | hierarchy-state-given-to-item-sync     |
      | max-changes-returned-0                 |
      | max-changes-returned-513               |
      | max-changes-returned-negative          |
      | max-changes-returned-not-a-number      |
      | paging-negative-max-entries            |
      | paging-negative-offset                 |
      | paging-offset-beyond-int32             |
      | paging-huge-but-valid                  |
      | paging-bad-base-point                  |
      | unknown-request-server-version         |
      | impersonation-empty-connecting-sid     |
      | impersonation-two-id-forms             |
      | impersonation-without-rights           |
      | impersonation-out-of-scope             |
      | impersonation-unknown-mailbox          |
      | xxe-external-entity                    |
      | xxe-parameter-entity                   |
      | external-dtd                           |
      | billion-laughs                         |
      | undeclared-entity                      |
      | nesting-10000-deep                     |
      | invalid-utf8                           |
      | body-of-50-mb                          |
      | content-type-json                      |
      | content-type-form                      |
      | get-on-endpoint                        |
      | put-on-endpoint                        |
      | delete-on-endpoint                     |
      | put-without-credentials                |
      | no-credentials                         |
      | basic-not-base64                       |
      | basic-without-colon                    |
      | basic-wrong-password                   |
      | basic-unknown-user                     |
      | unknown-auth-scheme                    |
      | ntlm-negotiate-cut-short               |
      | ntlm-authenticate-cut-short            |
      | ntlm-not-ntlmssp                       |
      | negotiate-kerberos-token               |
      | bearer-expired                         |
      | bearer-signed-with-another-key         |
      | bearer-payload-tampered                |
      | bearer-alg-none                        |
      | bearer-not-a-jwt                       |
      | bearer-wrong-audience                  |
      | bearer-on-a-server-without-oauth       |
      | basic-on-exchange-online               |
      | find-conversation-without-a-folder     |
      | conversation-action-without-actions    |
      | conversation-items-with-an-item-sync-state |
      | conversation-items-with-a-forged-state |
      | upload-of-data-not-exported            |
      | upload-without-items                   |
      | user-configuration-without-a-name      |
      | user-configuration-of-another-mailbox  |
      | inbox-rules-without-operations         |
      | inbox-rules-of-another-mailbox         |
      | password-expiration-without-an-address |
      | export-of-a-made-up-id                 |
      | body-filter-not-a-boolean              |
      | conversation-action-with-a-stranger-element |
