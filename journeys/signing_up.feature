@onboard
Feature: Signing up and buying
  A new customer creates an account, then buys.

  Scenario: A new customer signs up and then buys the red teapot
    Given I am a first-time customer on the home page
    When I sign up as "Grace Hopper" with "grace@example.com"
    And I add the "Red teapot" to my basket
    And I go to the checkout
    And I fill in my details:
      | Full name | Grace Hopper      |
      | Email     | grace@example.com |
    And I press "Continue"
    And I fill in my delivery address:
      | Street address | 1 Compiler Way |
      | Town or city   | Arlington      |
      | Postcode       | VA 22201       |
    And I press "Continue"
    And I fill in my payment details:
      | Card number            | 4242 4242 4242 4242 |
      | Expiry date            | 12/30               |
      | Billing street address | 1 Compiler Way      |
      | Billing town or city   | Arlington           |
      | Billing postcode       | VA 22201            |
    And I press "Place order"
    Then I should see "Thank you for your order"
