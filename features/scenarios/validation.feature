@scenarios
Feature: Scenario files are validated on load
  A scenario file that breaks a rule is refused before the mock starts, with a message that names
  the file, the path inside it and the rule. The generator makes the same mailbox from the same seed
  on every machine, and a bigger count extends a smaller one.

  Rule: a bad file names the file, the path and the rule

    Scenario Outline: <case>
      Given the scenario file bad.yaml contains:
        """
        <yaml>
        """
      When the scenario file bad.yaml is loaded
      Then loading fails naming the file, the path "<path>" and the rule "<rule>"

      Examples:
        | case                             | yaml                                                                                                                                                 | path                                          | rule                                            |
        | unknown key                      | accounts: [{ smtp: alice@acme.test, password: x, shoeSize: 42 }]                                                                                      | accounts[0]                                   | shoeSize                                        |
        | unknown top-level key            | domain: acme.test                                                                                                                                    | (top level)                                   | domain                                          |
        | bad email                        | accounts: [{ smtp: alice-at-acme.test, password: x }]                                                                                                 | accounts[0].smtp                              | must be an email address                        |
        | missing password                 | accounts: [{ smtp: alice@acme.test }]                                                                                                                | accounts[0].password                          |                                                 |
        | bad domain                       | domains: [acme]                                                                                                                                      | domains[0]                                    | must be a domain name                           |
        | unknown profile                  | profile: Exchange2099                                                                                                                                | profile                                       | Exchange2010_SP2                                |
        | grant to an unknown account      | { accounts: [{ smtp: alice@acme.test, password: x }], grants: [{ account: root@acme.test, scope: all }] }                                           | grants[0].account                             | no account root@acme.test                       |
        | grant with a bad scope domain    | { accounts: [{ smtp: a@acme.test, password: x }], grants: [{ account: a@acme.test, scope: { domains: [nodot] } }] }                                  | grants[0].scope                               |                                                 |
        | duplicate account                | accounts: [{ smtp: alice@acme.test, password: x }, { smtp: Alice@acme.test, password: y }]                                                           | accounts[1].smtp                              | is listed twice                                 |
        | duplicate mailbox                | { accounts: [{ smtp: a@acme.test, password: x }], mailboxes: [{ smtp: a@acme.test }, { smtp: a@acme.test }] }                                        | mailboxes[1].smtp                             | is listed twice                                 |
        | account outside the domains      | { domains: [acme.test], accounts: [{ smtp: eve@evil.test, password: x }] }                                                                           | accounts[0].smtp                              | is not in one of the scenario's domains         |
        | mailbox outside the domains      | { domains: [acme.test], mailboxes: [{ smtp: eve@evil.test }] }                                                                                       | mailboxes[0].smtp                             | is not in one of the scenario's domains         |
        | mailbox of an account without one | { accounts: [{ smtp: a@acme.test, password: x, mailbox: false }], mailboxes: [{ smtp: a@acme.test }] }                                             | mailboxes[0].smtp                             | declared without a mailbox                      |
        | bad date                         | { mailboxes: [{ smtp: a@acme.test, folders: [{ name: inbox, messages: [{ subject: s, received: "last Tuesday" }] }] }] }                             | mailboxes[0].folders[0].messages[0].received  | must be an ISO 8601 date-time                   |
        | missing eml file                 | { mailboxes: [{ smtp: a@acme.test, folders: [{ name: inbox, messages: [{ eml: no-such-file.eml }] }] }] }                                             | mailboxes[0].folders[0].messages[0].eml       | file no-such-file.eml not found                 |
        | folder name with a slash         | { mailboxes: [{ smtp: a@acme.test, folders: [{ name: "a/b" }] }] }                                                                                   | mailboxes[0].folders[0].name                  | must not contain                                |
        | folder listed twice              | { mailboxes: [{ smtp: a@acme.test, folders: [{ name: Projects }, { name: projects }] }] }                                                            | mailboxes[0].folders[1].name                  | is listed twice                                 |
        | attachment with two contents     | { mailboxes: [{ smtp: a@acme.test, folders: [{ name: inbox, messages: [{ attachments: [{ name: a.txt, content: x, size: 3 }] }] }] }] }             | mailboxes[0].folders[0].messages[0].attachments[0] | give exactly one of content, base64 or size |
        | generator count of zero          | { mailboxes: [{ smtp: a@acme.test, folders: [{ name: inbox, generate: { count: 0 } }] }] }                                                           | mailboxes[0].folders[0].generate.count        |                                                 |
        | out of office with no window     | { mailboxes: [{ smtp: a@acme.test, outOfOffice: { state: Scheduled } }] }                                                                            | mailboxes[0].outOfOffice                      | a Scheduled absence needs start and end         |
        | out of office in an unknown state | { mailboxes: [{ smtp: a@acme.test, outOfOffice: { state: Holiday } }] }                                                                             | mailboxes[0].outOfOffice.state                | Scheduled                                       |
        | list listed twice                | { domains: [acme.test], distributionLists: [{ smtp: t@acme.test, members: [x@ext.test] }, { smtp: T@acme.test, members: [x@ext.test] }] }          | distributionLists[1].smtp                     | is listed twice                                 |
        | list with an account's address   | { domains: [acme.test], accounts: [{ smtp: a@acme.test, password: x }], distributionLists: [{ smtp: a@acme.test, members: [x@ext.test] }] }      | distributionLists[0].smtp                     | is an account's or a mailbox's address          |
        | list outside the domains         | { domains: [acme.test], distributionLists: [{ smtp: t@evil.test, members: [x@ext.test] }] }                                                      | distributionLists[0].smtp                     | is not in one of the scenario's domains         |
        | list member naming nobody        | { domains: [acme.test], distributionLists: [{ smtp: t@acme.test, members: [ghost@acme.test] }] }                                                 | distributionLists[0].members[0]               | names no mailbox or list                        |
        | list holding itself              | { domains: [acme.test], distributionLists: [{ smtp: t@acme.test, members: [t@acme.test] }] }                                                     | distributionLists[0].members[0]               | cannot be its own member                        |
        | list without members             | { domains: [acme.test], distributionLists: [{ smtp: t@acme.test, members: [] }] }                                                                | distributionLists[0].members                  | at least one member                             |
        | permission on no mailbox         | { accounts: [{ smtp: a@acme.test, password: x }], mailboxPermissions: [{ mailbox: shared@acme.test, user: a@acme.test }] }                   | mailboxPermissions[0].mailbox                 | no mailbox shared@acme.test                     |
        | permission for no account        | { mailboxes: [{ smtp: shared@acme.test }], mailboxPermissions: [{ mailbox: shared@acme.test, user: ghost@acme.test }] }                        | mailboxPermissions[0].user                    | no account ghost@acme.test                      |
        | permission with another right    | { mailboxes: [{ smtp: shared@acme.test }], mailboxPermissions: [{ mailbox: shared@acme.test, user: x@acme.test, accessRights: ReadPermission }] }      | mailboxPermissions[0].accessRights            | FullAccess                                      |
        | rule without an action           | { mailboxes: [{ smtp: a@acme.test, rules: [{ name: r, actions: {} }] }] }                                                                            | mailboxes[0].rules[0].actions                 | a rule needs at least one action                |
        | rule moving mail to no folder    | { mailboxes: [{ smtp: a@acme.test, rules: [{ name: r, actions: { moveToFolder: Nowhere } }] }] }                                                     | mailboxes[0].rules[0].actions.moveToFolder    | no folder                                       |
        | rule with a condition not known  | { mailboxes: [{ smtp: a@acme.test, rules: [{ name: r, conditions: { isFlagged: true }, actions: { delete: true } }] }] }                            | mailboxes[0].rules[0].conditions              | isFlagged                                       |
        | rule with a size range reversed  | { mailboxes: [{ smtp: a@acme.test, rules: [{ name: r, conditions: { withinSizeRange: { minimum: 9, maximum: 1 } }, actions: { delete: true } }] }] } | mailboxes[0].rules[0].conditions.withinSizeRange | minimum must not exceed maximum          |
        | bad YAML                         | accounts: [{ smtp: a@acme.test, password: x }                                                                                                        | line 1                                        | not valid YAML                                  |

    Scenario: A good file loads, and accounts get a mailbox unless they say otherwise
      Given the scenario file good.yaml contains:
        """
        domains: [acme.test]
        accounts:
          - { smtp: alice@acme.test, password: x }
          - { smtp: robot@acme.test, password: x, mailbox: false }
        mailboxes:
          - smtp: alice@acme.test
            folders:
              - name: inbox
                messages:
                  - { subject: Hello, from: bob@partner.test, received: 2026-11-02T10:00:00Z, text: Hi }
                  - eml: quarterly-report.eml
          - smtp: shared@acme.test
        """
      When the scenario file good.yaml is loaded
      Then it loads with the mailboxes "alice@acme.test, shared@acme.test"
      And the loaded inbox of alice@acme.test holds 2 messages

    Scenario: A top-level folder named like a standard folder is that folder, not a second one
      Given the scenario file standard.yaml contains:
        """
        domains: [acme.test]
        accounts:
          - { smtp: alice@acme.test, password: x }
        mailboxes:
          - smtp: alice@acme.test
            folders:
              - name: Notes
                messages:
                  - { subject: Kept as a note, from: alice@acme.test, received: 2026-11-02T10:00:00Z, text: Hi }
        """
      When the scenario file standard.yaml is loaded
      Then the loaded notes of alice@acme.test holds 1 messages

  Rule: the generator is deterministic and extends

    Scenario: The same seed makes the same mailbox
      When an inbox is generated with 40 messages from seed 7 as "first"
      And an inbox is generated with 40 messages from seed 7 as "second"
      Then "first" and "second" hold the same messages in the same order
      And "first" holds 40 messages, oldest first

    Scenario: Another seed makes another mailbox
      When an inbox is generated with 40 messages from seed 7 as "seven"
      And an inbox is generated with 40 messages from seed 8 as "eight"
      Then "seven" and "eight" differ in their subjects

    Scenario: A bigger count extends a smaller one
      When an inbox is generated with 10 messages from seed 3 as "small"
      And an inbox is generated with 25 messages from seed 3 as "large"
      Then every message of "small" is in "large" with the same subject, in the same order
      And "large" holds 25 messages, oldest first

  Rule: the documentation's examples are real

    Scenario: Every example in docs/SCENARIOS.md loads
      When every YAML example in docs/SCENARIOS.md is loaded
      Then at least 4 examples load, each with at least one mailbox

  Rule: a scenario loaded again gives the same EWS ids

    @mock-only
    Scenario: Ids noted before a restart still name the same items after it
      Given the mock serves the default scenario
      When the ids of the Inbox items of alice@acme.test are noted
      And the mock restarts on the same scenario
      Then the Inbox items of alice@acme.test have the noted ids
