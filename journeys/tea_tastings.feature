@stage:discover
Feature: Tea tastings
  The shop's clean pages: a journey through them must cost effort but meet no friction at all.

  Scenario: A customer books a tea tasting
    Given I am a first-time customer on the home page
    When I follow "Tea tastings"
    And I follow "Book a tasting"
    And I fill in my booking:
      | Your name | Ada Lovelace    |
      | Email     | ada@example.com |
    And I choose "Saturday 14 June" from "Date"
    And I press "Book my place"
    Then I should see "You are booked in"
