@purchase
Feature: Buying a product
  A first-time customer finds a product and pays for it.

  Scenario: A guest buys the blue mug through the standard checkout
    Given I am a first-time customer on the home page
    When I add the "Blue mug" to my basket
    And I go to the checkout
    And I fill in my details:
      | Full name | Ada Lovelace    |
      | Email     | ada@example.com |
    And I press "Continue"
    And I fill in my delivery address:
      | Street address | 12 Analytical Row |
      | Town or city   | London            |
      | Postcode       | N1 9GU            |
    And I press "Continue"
    And I fill in my payment details:
      | Card number            | 4242 4242 4242 4242 |
      | Expiry date            | 12/30               |
      | Billing street address | 12 Analytical Row   |
      | Billing town or city   | London              |
      | Billing postcode       | N1 9GU              |
    And I press "Place order"
    Then I should see "Thank you for your order"

  Scenario: A guest buys the blue mug through the express checkout
    Given I am a first-time customer on the home page
    When I add the "Blue mug" to my basket
    And I press "Express checkout"
    And I fill in my order details:
      | Full name      | Ada Lovelace        |
      | Email          | ada@example.com     |
      | Street address | 12 Analytical Row   |
      | Town or city   | London              |
      | Postcode       | N1 9GU              |
      | Card number    | 4242 4242 4242 4242 |
      | Expiry date    | 12/30               |
    And I press "Place order"
    Then I should see "Thank you for your order"
