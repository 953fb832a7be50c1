@stage:onboard
Feature: Joining the tea club
  A customer signs up for the monthly tea letter.

  Scenario: A customer joins the tea club
    Given I am a first-time customer on the home page
    When I follow "Tea club"
    And I fill in "Your name" with "Ada Lovelace"
    And I press "Join the club"
    Then I should see "Welcome to the tea club"
