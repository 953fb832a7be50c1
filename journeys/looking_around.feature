@stage:discover
Feature: Looking around the shop
  A first-time customer browses before buying: a product, a collection, their wish list.

  Scenario: A customer looks at the green scarf
    Given I am a first-time customer on the home page
    When I follow "Green scarf"
    Then I should see "Reviews are not available right now."

  Scenario: A customer browses the autumn collection
    Given I am a first-time customer on the home page
    When I follow "Autumn collection"
    Then I should see "In the collection"

  Scenario: A customer opens their wish list
    Given I am a first-time customer on the home page
    When I follow "Wish list"
    Then I should see "Something went wrong"
