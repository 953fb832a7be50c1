@stage:support
Feature: Getting in touch
  A customer wants to know about an order, or to ask the shop something.

  Scenario: A customer tracks their order
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Where is my order?"
    And I fill in "Order number" with "DS-100001"
    And I press "Track my order"
    Then I should not see "Out for delivery"

  Scenario: A customer asks about a teapot in the chat
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Talk to us"
    And I follow "Chat with us"
    Then I should see "Chat with the Demo Shop"

  Scenario: A customer emails the shop
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Talk to us"
    And I follow "Email us"
    Then I should be on the "Talk to us" page

  Scenario: A customer follows their parcel with the courier
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Where is my order?"
    And I follow "Follow your parcel with our courier"
    Then I should be on the "Where is my order?" page

  Scenario: A café owner asks about wholesale orders
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Wholesale orders"
    Then I should see "Contact our wholesale team"
