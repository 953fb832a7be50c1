@stage:discover
Feature: Finding a gift
  A customer asks the gift finder for ideas and sends one with a card. The gift finder is a
  single-page app; the simple gift finder asks the same questions on server-rendered pages, so
  both journeys must cost exactly the same effort.

  Scenario: A customer finds a gift with the gift finder
    Given I am a first-time customer on the home page
    When I follow "Gift finder"
    And I fill in the gift details:
      | Who is the gift for? | Grace             |
      | Their email          | grace@example.com |
      | Your name            | Ada Lovelace      |
    And I choose "Up to £10" from "Budget"
    And I press "Show ideas"
    And I press "Choose the Blue mug"
    And I fill in the gift card:
      | Gift message | Happy birthday, Grace! |
      | Your name    | Ada Lovelace           |
    And I press "Send the gift"
    Then I should see "Your gift is on its way"

  Scenario: A customer finds a gift with the simple gift finder
    Given I am a first-time customer on the home page
    When I follow "Simple gift finder"
    And I fill in the gift details:
      | Who is the gift for? | Grace             |
      | Their email          | grace@example.com |
      | Your name            | Ada Lovelace      |
    And I choose "Up to £10" from "Budget"
    And I press "Show ideas"
    And I press "Choose the Blue mug"
    And I fill in the gift card:
      | Gift message | Happy birthday, Grace! |
      | Your name    | Ada Lovelace           |
    And I press "Send the gift"
    Then I should see "Your gift is on its way"
